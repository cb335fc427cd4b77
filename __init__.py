"""Cluster Atlas QGIS plugin: entry point used by QGIS' plugin loader."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import ClusterAtlasPlugin

    return ClusterAtlasPlugin(iface)
