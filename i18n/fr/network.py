"""French for clusteratlas:networkoverlay (algorithms/network_overlay.py, network_geometry.py)."""
MESSAGES = {
    'Network overlay (employment versus copper/fibre network)':
        'Superposition au réseau (emploi et réseau cuivre/fibre)',
    'network,copper,fibre,fiber,overlay,distance,length,density,spearman,affinity,cluster':
        'réseau,cuivre,fibre,superposition,distance,longueur,densité,spearman,affinité,cluster',
    'Planar, in the metric CRS':
        'Planimétrique, dans le SCR métrique',
    'Ellipsoidal':
        'Ellipsoïdale',
    'Zones (polygons or points) with employment':
        "Zones (polygones ou points) avec l'emploi",
    'Employment field':
        "Champ de l'emploi",
    'Population field':
        'Champ de la population',
    'Network lines':
        'Lignes du réseau',
    'Network type field':
        'Champ du type de réseau',
    'Type values onto classes':
        'Valeurs du type vers les classes',
    'Distance thresholds (km)':
        'Seuils de distance (km)',
    'Metric CRS for lengths and distances':
        'SCR métrique (longueurs, distances)',
    'Length method':
        'Méthode de mesure des longueurs',
    'Zones with network figures':
        'Zones avec les chiffres du réseau',
    'Network affinity summary':
        "Résumé de l'affinité au réseau",
    'Network overlay report':
        'Rapport de superposition au réseau',
    'HTML files (*.html)':
        'Fichiers HTML (*.html)',
    'Spearman rho, whole network':
        'Rho de Spearman, réseau entier',
    'Spearman sample size':
        "Taille de l'échantillon (Spearman)",
    'Length method used':
        'Méthode de longueur utilisée',
    'Summary figures (JSON)':
        'Chiffres du résumé (JSON)',
    'Field {} not found in the network layer.':
        'Champ {} introuvable dans la couche du réseau.',
    'Could not index the network lines of class {}.':
        "Impossible d'indexer les lignes du réseau de la classe {}.",
    'Unknown ellipsoid {}: set a valid ellipsoid or use the planar method.':
        'Ellipsoïde inconnu {} : choisissez un ellipsoïde valide ou la méthode planimétrique.',
    'METRIC_CRS {} is not a projected CRS in metres; choose one such as EPSG:3812 or EPSG:31370.':
        "METRIC_CRS {} n'est pas un SCR projeté en mètres ; choisissez-en un comme EPSG:3812 ou EPSG:31370.",
    'Lengths and distances: {}':
        'Longueurs et distances : {}',
    'Zones read: {}; without geometry: {}; invalid geometries repaired: {}; unusable geometries: {}; NULL employment counted as 0: {}; NULL population counted as 0: {}.':
        'Zones lues : {} ; sans géométrie : {} ; géométries invalides réparées : {} ; géométries inutilisables : {} ; emploi NULL compté 0 : {} ; population NULL comptée 0 : {}.',
    'Network features read: {}; used: {}; empty geometries: {}; multi-part: {}; transform failures: {}; NULL type: {}; unmapped type values: {}.':
        'Entités du réseau lues : {} ; utilisées : {} ; géométries vides : {} ; multi-parties : {} ; échecs de reprojection : {} ; type NULL : {} ; valeurs de type non associées : {}.',
    'Lines wholly inside one zone: {} (of which {} found by the zone grid without a GEOS test); zone pieces intersected: {}; outside every zone: {}; boundary stretches counted once: {}; GEOS errors: {}.':
        'Lignes entièrement dans une zone : {} (dont {} trouvées par la grille des zones sans test GEOS) ; morceaux intersectés : {} ; hors de toute zone : {} ; tronçons de limite comptés une fois : {} ; erreurs GEOS : {}.',
    'Employment field {} not found in the zones.':
        "Champ d'emploi {} introuvable dans les zones.",
    'Population field {} not found in the zones.':
        'Champ de population {} introuvable dans les zones.',
    'Unmapped type values (count): {}':
        'Valeurs de type non associées (nombre) : {}',
    '{cls}: within {d} km: {e:.1%} of employment, {a:.1%} of area, affinity {r:.2f}':
        "{cls} : à moins de {d} km : {e:.1%} de l'emploi, {a:.1%} de la superficie, affinité {r:.2f}",
    'Input field {} is replaced by the computed field of the same name.':
        "Le champ d'entrée {} est remplacé par le champ calculé du même nom.",
    'Zone feature {} (id {}) has a negative employment ({}) in field {}; fix the value or filter the zone out.':
        "L'entité de zone {} (id {}) a un emploi négatif ({}) dans le champ {} ; corrigez la valeur ou excluez la zone.",
    'employment, {}':
        'emploi, {}',
    'area, {}':
        'superficie, {}',
    'population, {}':
        'population, {}',
    'Distance to the nearest line (km)':
        'Distance à la ligne la plus proche (km)',
    'Share within distance':
        'Part à moins de la distance',
    'Share of employment within a distance of the network':
        "Part de l'emploi à moins d'une distance du réseau",
    'Zones':
        'Zones',
    'Total employment':
        'Emploi total',
    'Network lines used':
        'Lignes du réseau utilisées',
    'Spearman rho (employment density vs network density)':
        "Rho de Spearman (densité d'emploi et densité du réseau)",
    'Network overlay / Superposition au réseau':
        'Superposition au réseau / Network overlay',
    'Summary':
        'Résumé',
    'Network affinity':
        'Affinité au réseau',
    'Share of employment whose zone lies within the distance of the class, versus the share of area and of population; affinity = employment share / area (population) share. Above 1: employment is closer to the network than land (people).':
        "Part de l'emploi dont la zone est à moins de la distance de la classe, comparée à la part de la superficie et de la population ; affinité = part de l'emploi / part de la superficie (population). Au-dessus de 1 : l'emploi est plus proche du réseau que le territoire (la population).",
    'Rank correlation':
        'Corrélation des rangs',
    "Spearman's rho between employment density and network density per zone (average ranks for ties), with its sample size n.":
        "Rho de Spearman entre densité d'emploi et densité du réseau par zone (rangs moyens pour les ex aequo), avec la taille de l'échantillon n.",
    'Employment share versus distance':
        "Part de l'emploi selon la distance",
    'Class':
        'Classe',
    'Distance (km)':
        'Distance (km)',
    'Zones within':
        'Zones à moins de',
    'Employment share':
        "Part de l'emploi",
    'Area share':
        'Part de la superficie',
    'Population share':
        'Part de la population',
    'Affinity (area)':
        'Affinité (superficie)',
    'Affinity (population)':
        'Affinité (population)',
    'Network length (km)':
        'Longueur du réseau (km)',
    '<p>Measures how closely the employment of a cluster follows a line network (the atlas\' claim that ICT entities <i>follow the Walloon copper and fibre network closely</i>).</p><h3>Parameters</h3><ul><li><b>ZONES</b>: polygons with an employment field (e.g. the output of the aggregation), or points (geocoded members or postal-code points).</li><li><b>EMPLOYMENT_FIELD</b>: numeric employment of each zone; NULL counts as 0 (reported in the log).</li><li><b>POPULATION_FIELD</b> (optional): population of each zone, for the population affinity.</li><li><b>NETWORK</b>: line layer (any CRS; multi-part lines allowed).</li><li><b>CLASS_FIELD</b> (optional): the line type field. Without it the only class is <code>all</code>.</li><li><b>CLASS_MAP</b>: maps type values onto classes, e.g. <code>rail=fibre; tram=fibre; *=copper</code>. <code>*</code> is the class of unmapped values (default <code>other</code>), <code>NULL</code> that of empty values. The values <code>copper</code>, <code>fibre</code> and <code>fiber</code> map to themselves. Values are matched ignoring case and accents; items are separated by <code>;</code>, <code>,</code> or new lines; a JSON object is accepted for values containing separators. The classes <code>copper</code>, <code>fibre</code> and <code>other</code> always get fields.</li><li><b>DISTANCES</b>: distance thresholds in km (default <code>1, 2, 5</code>).</li><li><b>MEMBERS</b> (optional): geocoded member points (any CRS). Each zone with members of positive employment is then measured from the employment-weighted centre of its members instead of its point on surface.</li><li><b>MEMBER_EMPLOYMENT_FIELD</b> (optional): employment of each member, the weight of the centre; without it every member weighs 1; NULL counts as 0.</li><li><b>MEMBER_ZONE_FIELD</b> and <b>ZONE_KEY_FIELD</b> (optional, both or neither): join members to zones by key (e.g. <code>pc_key</code> on both sides; <code>1348</code> matches <code>"1348"</code>). Without them a member belongs to the first zone (in reading order) that holds the point, its boundary included.</li><li><b>METRIC_CRS</b> (advanced): projected CRS in metres for lengths and distances; default the zones\' CRS when it is projected in metres, else EPSG:3812.</li><li><b>LENGTH_METHOD</b> (advanced): planar in the metric CRS (as QGIS\' native algorithms without ellipsoid), or ellipsoidal (the project\'s ellipsoid, else that of the metric CRS).</li></ul><h3>Outputs</h3><ul><li><b>OUTPUT</b>: the zones with <code>area_km2</code>, <code>len_km_&lt;class&gt;</code>, <code>len_km_total</code>, <code>density_&lt;class&gt;</code> and <code>density_total</code> (km/km²), <code>dist_km_&lt;class&gt;</code> and <code>dist_km_total</code> (km from the zone\'s point on surface, or the point itself, to the nearest line; NULL when the class has no line), <code>dist_from</code> (where distances start: <code>point_on_surface</code>, <code>zone_point</code> or <code>members_centre</code>), <code>n_members</code> (members joined, when MEMBERS is given), <code>emp_density</code> (employment/km²). Point inputs get only the distances.</li><li><b>MEMBER_DISTANCES</b> (optional, with MEMBERS): every member (none dropped, also those without geometry or outside every zone) with its fields, <code>dist_km_&lt;class&gt;</code>, <code>dist_km_total</code> and <code>zone_fid</code> (feature id of its zone, NULL when in none).</li><li><b>SUMMARY</b>: table, one row per class and threshold: zones and employment within the distance, <code>employment_share</code>, <code>area_share</code>, <code>population_share</code>, <code>affinity_area</code> = employment share / area share, <code>affinity_population</code>, Spearman\'s <code>spearman_rho</code> between employment density and network density with <code>spearman_n</code>, <code>network_km</code> and the <code>length_method</code>.</li><li><b>REPORT</b>: HTML page with the summary, the affinity table, the correlations and an SVG chart of the share of employment (and of area/population) within each distance.</li><li><b>SPEARMAN_RHO</b>, <b>SPEARMAN_N</b>: correlation for the whole network; <b>LENGTH_METHOD_USED</b>; <b>STATS_JSON</b>: all summary figures as JSON.</li></ul><h3>Method</h3><p>The network is read once and transformed once into the metric CRS. Zones are checked first: an EMPTY geometry counts as none (like NULL); an invalid polygon (self-intersection, overlapping parts) is repaired with makeValid and only its polygonal part is used for lengths, areas and distances (a zone with nothing polygonal left is unusable); each such zone is named in the log (feature id, and its ZONE_KEY_FIELD value when given), whatever Processing\'s invalid-geometry setting. The length of a line in a zone is the length of its intersection with the zone, as in <i>Sum line lengths</i>; lines wholly inside a zone and without self-overlap add their whole length without an intersection. <b>One deliberate difference from <i>Sum line lengths</i></b>: a stretch lying exactly on a boundary shared by two zones is counted once, in the zone read first, where <i>Sum line lengths</i> counts it in both; so zone lengths add up to the network length. Distances are measured from each zone\'s point on surface (or the employment-weighted centre of its members, which may lie outside a concave zone) to the nearest line of each class (as <i>Join attributes by nearest</i>). A zone is within d km of a class when that distance is at most d. An affinity above 1 means employment is closer to the network than land (or people) is. Spearman\'s rho uses average ranks for ties; the p-value is a Fisher-z approximation.</p><h3>Example</h3><p>ZONES = the zones of Employment per postal code on the sample data (33 zones), EMPLOYMENT_FIELD = <code>employment</code>, NETWORK = <code>sample_data/network_illustrative.gpkg</code> (layer <code>network</code>, an illustrative network, not a real one), CLASS_FIELD = <code>class</code>: 26.5% of the employment lies within 1 km of the network on 2.7% of the area (class <code>total</code>: affinity_area 9.7), SPEARMAN_RHO 0.31 with SPEARMAN_N 33. With real data: EMPLOYMENT_FIELD = <code>emp_tic</code>, NETWORK = an OpenStreetMap railway layer, CLASS_FIELD = <code>type</code>, CLASS_MAP = <code>rail=fibre; *=copper</code> (railways as a stand-in for fibre backbones, which often follow rail corridors).</p>':
        '<p>Mesure à quel point l\'emploi d\'un cluster suit un réseau linéaire (l\'affirmation de l\'atlas selon laquelle les entités TIC <i>suivent de près le réseau wallon de cuivre et de fibre optique</i>).</p><h3>Paramètres</h3><ul><li><b>ZONES</b> : polygones avec un champ d\'emploi (p. ex. la sortie de l\'agrégation), ou points (membres géocodés ou points des codes postaux).</li><li><b>EMPLOYMENT_FIELD</b> : emploi numérique de chaque zone ; NULL compte pour 0 (signalé dans le journal).</li><li><b>POPULATION_FIELD</b> (facultatif) : population de chaque zone, pour l\'affinité rapportée à la population.</li><li><b>NETWORK</b> : couche de lignes (tout SCR ; lignes multi-parties acceptées).</li><li><b>CLASS_FIELD</b> (facultatif) : le champ du type de ligne. Sans lui, la seule classe est <code>all</code>.</li><li><b>CLASS_MAP</b> : associe les valeurs du type à des classes, p. ex. <code>rail=fibre; tram=fibre; *=copper</code>. <code>*</code> est la classe des valeurs non associées (par défaut <code>other</code>), <code>NULL</code> celle des valeurs vides. Les valeurs <code>copper</code>, <code>fibre</code> et <code>fiber</code> sont associées à elles-mêmes. Les valeurs sont comparées sans tenir compte de la casse ni des accents ; les éléments sont séparés par <code>;</code>, <code>,</code> ou des retours à la ligne ; un objet JSON est accepté pour les valeurs contenant des séparateurs. Les classes <code>copper</code>, <code>fibre</code> et <code>other</code> ont toujours leurs champs.</li><li><b>DISTANCES</b> : seuils de distance en km (par défaut <code>1, 2, 5</code>).</li><li><b>MEMBERS</b> (facultatif) : points des membres géocodés (tout SCR). Chaque zone dont les membres ont un emploi positif est alors mesurée depuis le centre de ses membres pondéré par l\'emploi au lieu de son point sur la surface.</li><li><b>MEMBER_EMPLOYMENT_FIELD</b> (facultatif) : emploi de chaque membre, le poids du centre ; sans lui chaque membre pèse 1 ; NULL compte pour 0.</li><li><b>MEMBER_ZONE_FIELD</b> et <b>ZONE_KEY_FIELD</b> (facultatifs, les deux ou aucun) : joignent les membres aux zones par clé (p. ex. <code>pc_key</code> des deux côtés ; <code>1348</code> correspond à <code>"1348"</code>). Sans eux, un membre appartient à la première zone (dans l\'ordre de lecture) qui contient le point, limite comprise.</li><li><b>METRIC_CRS</b> (avancé) : SCR projeté en mètres pour les longueurs et les distances ; par défaut le SCR des zones s\'il est projeté en mètres, sinon EPSG:3812.</li><li><b>LENGTH_METHOD</b> (avancé) : planimétrique dans le SCR métrique (comme les algorithmes natifs de QGIS sans ellipsoïde), ou ellipsoïdale (l\'ellipsoïde du projet, sinon celui du SCR métrique).</li></ul><h3>Sorties</h3><ul><li><b>OUTPUT</b> : les zones avec <code>area_km2</code>, <code>len_km_&lt;classe&gt;</code>, <code>len_km_total</code>, <code>density_&lt;classe&gt;</code> et <code>density_total</code> (km/km²), <code>dist_km_&lt;classe&gt;</code> et <code>dist_km_total</code> (km depuis le point sur la surface de la zone, ou le point lui-même, jusqu\'à la ligne la plus proche ; NULL quand la classe n\'a aucune ligne), <code>dist_from</code> (origine des distances : <code>point_on_surface</code>, <code>zone_point</code> ou <code>members_centre</code>), <code>n_members</code> (membres joints, quand MEMBERS est donné), <code>emp_density</code> (emploi/km²). Les entrées ponctuelles n\'ont que les distances.</li><li><b>MEMBER_DISTANCES</b> (facultatif, avec MEMBERS) : chaque membre (aucun n\'est écarté, pas même ceux sans géométrie ou hors de toute zone) avec ses champs, <code>dist_km_&lt;classe&gt;</code>, <code>dist_km_total</code> et <code>zone_fid</code> (identifiant de l\'entité de sa zone, NULL s\'il n\'est dans aucune).</li><li><b>SUMMARY</b> : table, une ligne par classe et par seuil : zones et emploi à moins de la distance, <code>employment_share</code>, <code>area_share</code>, <code>population_share</code>, <code>affinity_area</code> = part de l\'emploi / part de la superficie, <code>affinity_population</code>, le <code>spearman_rho</code> de Spearman entre densité d\'emploi et densité du réseau avec <code>spearman_n</code>, <code>network_km</code> et la <code>length_method</code>.</li><li><b>REPORT</b> : page HTML avec le résumé, le tableau des affinités, les corrélations et un graphique SVG de la part de l\'emploi (et de la superficie/population) à moins de chaque distance.</li><li><b>SPEARMAN_RHO</b>, <b>SPEARMAN_N</b> : corrélation pour l\'ensemble du réseau ; <b>LENGTH_METHOD_USED</b> ; <b>STATS_JSON</b> : tous les chiffres du résumé en JSON.</li></ul><h3>Méthode</h3><p>Le réseau est lu une fois et transformé une fois dans le SCR métrique. Les zones sont d\'abord vérifiées : une géométrie vide (EMPTY) compte comme absente (comme NULL) ; un polygone invalide (auto-intersection, parties qui se chevauchent) est réparé par makeValid et seule sa partie surfacique sert aux longueurs, superficies et distances (une zone sans surface après réparation est inutilisable) ; chacune de ces zones est nommée dans le journal (identifiant de l\'entité, et sa valeur de ZONE_KEY_FIELD si donné), quel que soit le réglage des géométries invalides de Processing. La longueur d\'une ligne dans une zone est la longueur de son intersection avec la zone, comme dans <i>Somme des longueurs de lignes</i> ; les lignes entièrement dans une zone et sans auto-superposition comptent toute leur longueur sans intersection. <b>Une différence voulue avec <i>Somme des longueurs de lignes</i></b> : un tronçon situé exactement sur la limite commune de deux zones est compté une fois, dans la zone lue en premier, alors que <i>Somme des longueurs de lignes</i> le compte dans les deux ; ainsi les longueurs des zones s\'additionnent en la longueur du réseau. Les distances sont mesurées depuis le point sur la surface de chaque zone (ou le centre de ses membres pondéré par l\'emploi, qui peut se trouver hors d\'une zone concave) jusqu\'à la ligne la plus proche de chaque classe (comme <i>Joindre les attributs par le plus proche</i>). Une zone est à moins de d km d\'une classe quand cette distance est au plus d. Une affinité supérieure à 1 signifie que l\'emploi est plus proche du réseau que le territoire (ou la population). Le rho de Spearman utilise les rangs moyens en cas d\'ex aequo ; la p-valeur est une approximation par le z de Fisher.</p><h3>Exemple</h3><p>ZONES = les zones de Emploi par code postal sur les données d\'exemple (33 zones), EMPLOYMENT_FIELD = <code>employment</code>, NETWORK = <code>sample_data/network_illustrative.gpkg</code> (couche <code>network</code>, un réseau illustratif, pas un réseau réel), CLASS_FIELD = <code>class</code> : 26,5 % de l\'emploi se trouve à moins de 1 km du réseau sur 2,7 % de la superficie (classe <code>total</code> : affinity_area 9,7), SPEARMAN_RHO 0,31 avec SPEARMAN_N 33. Avec des données réelles : EMPLOYMENT_FIELD = <code>emp_tic</code>, NETWORK = une couche des voies ferrées OpenStreetMap, CLASS_FIELD = <code>type</code>, CLASS_MAP = <code>rail=fibre; *=copper</code> (les voies ferrées comme substitut des dorsales de fibre, qui suivent souvent les couloirs ferroviaires).</p>',
    'Geocoded members (points)':
        'Membres géocodés (points)',
    'Member employment field':
        "Champ d'emploi des membres",
    'Member zone key field':
        'Champ de clé de zone des membres',
    'Key field of the zones':
        'Champ de clé des zones',
    'Member distances to the network':
        'Distances des membres au réseau',
    'Member employment field {} not found in the members layer.':
        "Champ d'emploi des membres {} introuvable dans la couche des membres.",
    'Member zone field {} not found in the members layer.':
        'Champ de zone des membres {} introuvable dans la couche des membres.',
    'Member feature {} (id {}) has a negative employment ({}) in field {}; fix the value or filter the member out.':
        "L'entité membre {} (id {}) a un emploi négatif ({}) dans le champ {} ; corrigez la valeur ou filtrez ce membre.",
    'Give both MEMBER_ZONE_FIELD and ZONE_KEY_FIELD to join members to zones by key, or neither for a spatial join.':
        'Donnez MEMBER_ZONE_FIELD et ZONE_KEY_FIELD pour joindre les membres aux zones par clé, ou aucun des deux pour une jointure spatiale.',
    'Zone key field {} not found in the zones.':
        'Champ de clé des zones {} introuvable dans les zones.',
    '{} zones repeat a key of field {}; members join the first zone with the key.':
        '{} zones répètent une clé du champ {} ; les membres sont joints à la première zone portant la clé.',
    'by key ({} = {})':
        'par clé ({} = {})',
    'spatially (first zone holding the point)':
        'spatialement (première zone contenant le point)',
    'not joined: point zones need MEMBER_ZONE_FIELD and ZONE_KEY_FIELD':
        'non joints : des zones ponctuelles demandent MEMBER_ZONE_FIELD et ZONE_KEY_FIELD',
    'Members read: {}; joined to a zone {}: {}; in no zone: {}; without geometry: {}; multi-point (centroid used): {}; transform failures: {}; NULL employment counted as 0: {}; NULL zone key: {}.':
        'Membres lus : {} ; joints à une zone {} : {} ; dans aucune zone : {} ; sans géométrie : {} ; multi-points (centroïde utilisé) : {} ; échecs de transformation : {} ; emploi NULL compté 0 : {} ; clé de zone NULL : {}.',
    'Zones measured from the employment-weighted centre of their members: {}; from their own point: {}.':
        "Zones mesurées depuis le centre de leurs membres pondéré par l'emploi : {} ; depuis leur propre point : {}.",
}

# Messages of core/network_stats.py (N_ templates: CLASS_MAP and DISTANCES errors).
MESSAGES.update({
    "CLASS_MAP is not valid JSON: {}": "CLASS_MAP n'est pas un JSON valide : {}",
    'CLASS_MAP JSON must be an object {{"value": "class"}}': 'le JSON de CLASS_MAP doit être un objet {{"valeur": "classe"}}',
    "CLASS_MAP item {} ({!r}) has no '='; write value=class, e.g. rail=fibre": "l'élément {} de CLASS_MAP ({!r}) n'a pas de '=' ; écrivez valeur=classe, p. ex. rail=fibre",
    "CLASS_MAP: value {!r} is mapped to an empty class name": "CLASS_MAP : la valeur {!r} est associée à un nom de classe vide",
    "DISTANCES: {!r} is not a number; give kilometres like 1, 2, 5": "DISTANCES : {!r} n'est pas un nombre ; donnez des kilomètres, p. ex. 1, 2, 5",
    "DISTANCES: {!r} must be a positive number of kilometres": "DISTANCES : {!r} doit être un nombre positif de kilomètres",
    "DISTANCES is empty; give kilometres like 1, 2, 5": "DISTANCES est vide ; donnez des kilomètres, p. ex. 1, 2, 5",
})
