"""python-dbusmock template: xdg-desktop-portal's Background interface.

Answers RequestBackground on the request object the caller expects, with the
answer set by SetAllowed (allowed by default), and keeps the options of every
request for the test to read with GetRequests.
"""
# SPDX-License-Identifier: GPL-3.0-or-later

import dbus
from gi.repository import GLib

from dbusmock import mockobject

BUS_NAME = "org.freedesktop.portal.Desktop"
MAIN_OBJ = "/org/freedesktop/portal/desktop"
MAIN_IFACE = "org.freedesktop.portal.Background"
SYSTEM_BUS = False

REQUEST_IFACE = "org.freedesktop.portal.Request"
TEST_IFACE = "io.github.ketluan.Docket.Test"


def load(mock, parameters):
    mock.allowed = True
    mock.requests = []
    mock.AddProperty(MAIN_IFACE, "version", dbus.UInt32(1))


@dbus.service.method(MAIN_IFACE, in_signature="sa{sv}", out_signature="o",
                     sender_keyword="sender")
def RequestBackground(self, parent_window, options, sender):
    token = str(options.get("handle_token", "t"))
    path = "%s/request/%s/%s" % (MAIN_OBJ, sender[1:].replace(".", "_"), token)
    self.requests.append(dict(options))
    if path not in mockobject.objects:
        self.AddObject(path, REQUEST_IFACE, {}, [])
    request = mockobject.objects[path]
    allowed = self.allowed

    def respond():
        request.EmitSignal(REQUEST_IFACE, "Response", "ua{sv}", [
            dbus.UInt32(0),
            {"background": dbus.Boolean(allowed),
             "autostart": dbus.Boolean(allowed and bool(options.get("autostart", False)))},
        ])
        return False

    GLib.timeout_add(20, respond)
    return dbus.ObjectPath(path)


@dbus.service.method(TEST_IFACE, in_signature="b", out_signature="")
def SetAllowed(self, allowed):
    self.allowed = bool(allowed)


@dbus.service.method(TEST_IFACE, in_signature="", out_signature="aa{sv}")
def GetRequests(self):
    return dbus.Array(self.requests, signature="a{sv}")
