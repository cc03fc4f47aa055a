"""The camera catalog (issue 3): where cameras come from, how to find one, which are nearest.

Sources (database, CSV/JSON import, a GB/T 28181 WVP platform) all answer the same
``CameraCatalog`` protocol, so the tree, the wall and the case/map features never care which one
fed them. Qt-free: the tree dock in ``ui/cameras`` wraps these modules.
"""
