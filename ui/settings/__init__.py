"""参数设置 Settings (System ▸ Settings…, issue 13): the district's central settings edited page by
page through ``services.settings``, offered only to principals with ``manage_settings``."""
