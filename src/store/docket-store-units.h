/* docket-store-units.h: units and people
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

DocketId    docket_store_add_unit        (DocketStore      *self,
                                          const DocketUnit *unit,
                                          GError          **error);
gboolean    docket_store_update_unit     (DocketStore      *self,
                                          const DocketUnit *unit,
                                          GError          **error);
gboolean    docket_store_archive_unit    (DocketStore      *self,
                                          DocketId          unit_id,
                                          GError          **error);
gboolean    docket_store_unarchive_unit  (DocketStore      *self,
                                          DocketId          unit_id,
                                          GError          **error);
DocketUnit *docket_store_get_unit        (DocketStore      *self,
                                          DocketId          unit_id,
                                          GError          **error);
GPtrArray  *docket_store_list_units      (DocketStore      *self,
                                          gboolean          include_archived,
                                          GError          **error);
GPtrArray  *docket_store_find_units      (DocketStore      *self,
                                          const char       *name,
                                          gboolean          include_archived,
                                          GError          **error);

DocketId      docket_store_add_person    (DocketStore        *self,
                                          const DocketPerson *person,
                                          GError            **error);
gboolean      docket_store_update_person (DocketStore        *self,
                                          const DocketPerson *person,
                                          GError            **error);
DocketPerson *docket_store_get_person    (DocketStore        *self,
                                          DocketId            person_id,
                                          GError            **error);
GPtrArray    *docket_store_list_people   (DocketStore        *self,
                                          DocketId            unit_id,
                                          GError            **error);
GPtrArray    *docket_store_find_people   (DocketStore        *self,
                                          const char         *name,
                                          GError            **error);

G_END_DECLS
