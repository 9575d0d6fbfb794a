/* docket-wrap-box.h: children side by side, on as many lines as the width needs
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOCKET_TYPE_WRAP_BOX (docket_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (DocketWrapBox, docket_wrap_box, DOCKET, WRAP_BOX, GtkWidget)

GtkWidget *docket_wrap_box_new          (int            spacing);
void       docket_wrap_box_append       (DocketWrapBox *self,
                                         GtkWidget     *child);
int        docket_wrap_box_get_spacing  (DocketWrapBox *self);
void       docket_wrap_box_set_spacing  (DocketWrapBox *self,
                                         int            spacing);

G_END_DECLS
