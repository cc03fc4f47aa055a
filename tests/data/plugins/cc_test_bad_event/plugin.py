"""Subscribes to an event that does not exist: activation fails with a clear message."""

from commandcenter.plugins_api import PluginContext


def activate(context: PluginContext) -> None:
    context.subscribe("case_teleported", print)
