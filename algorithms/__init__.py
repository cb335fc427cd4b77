"""Registry of the provider's algorithms (one module per algorithm)."""


def all_algorithms():
    # Imported here so that importing the package stays cheap; core/ never
    # imports algorithms/. One import + one list entry per algorithm.
    from .network_overlay import NetworkOverlayAlgorithm
    from .postcode_zones import PostcodeZonesAlgorithm
    from .aggregate_postcodes import AggregatePostcodesAlgorithm
    from .apply_atlas_style import ApplyAtlasStyle
    from .export_atlas_map import ExportAtlasMap
    from .import_members import ImportMembersAlgorithm

    algorithms = []
    algorithms.append(ImportMembersAlgorithm())
    algorithms.append(PostcodeZonesAlgorithm())
    algorithms.append(AggregatePostcodesAlgorithm())
    algorithms.append(NetworkOverlayAlgorithm())
    algorithms.append(ApplyAtlasStyle())
    algorithms.append(ExportAtlasMap())
    return algorithms
