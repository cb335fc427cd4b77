<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ClusterAtlas</name>
    <message>
        <source>  rejected ({}): {}</source>
        <translation>  rejets ({}) : {}</translation>
    </message>
    <message>
        <source> (also matched: {})</source>
        <translation> (correspondent aussi : {})</translation>
    </message>
    <message>
        <source> (or give a default cluster)</source>
        <translation> (ou donnez un cluster par défaut)</translation>
    </message>
    <message>
        <source> (stored as the default style of the GeoPackage layer)</source>
        <translation> (enregistré comme style par défaut de la couche GeoPackage)</translation>
    </message>
    <message>
        <source> in {}</source>
        <translation> en {}</translation>
    </message>
    <message>
        <source>'{}' is empty.</source>
        <translation>'{}' est vide.</translation>
    </message>
    <message>
        <source>'{}' is not UTF-8: read as Windows-1252 (cp1252), the encoding of Excel's CSV on Windows. If accented names look wrong, give the encoding with the ENCODING parameter.</source>
        <translation>« {} » n'est pas en UTF-8 : lu en Windows-1252 (cp1252), l'encodage des CSV d'Excel sous Windows. Si des noms accentués semblent faux, donnez l'encodage avec le paramètre ENCODING.</translation>
    </message>
    <message>
        <source>'{}' looks like {} but line {} cannot be decoded (byte 0x{}): give the encoding with the ENCODING parameter, or save the file again as UTF-8.</source>
        <translation>« {} » semble être en {} mais la ligne {} ne peut pas être décodée (octet 0x{}) : donnez l'encodage avec le paramètre ENCODING, ou enregistrez à nouveau le fichier en UTF-8.</translation>
    </message>
    <message>
        <source>... and {} more cluster name(s) kept whole.</source>
        <translation>... et {} autre(s) nom(s) de cluster gardé(s) entier(s).</translation>
    </message>
    <message>
        <source>... and {} more cluster text(s) split.</source>
        <translation>... et {} autre(s) texte(s) de cluster séparé(s).</translation>
    </message>
    <message>
        <source>... and {} more pair(s) of similar cluster names (output CLUSTER_WARNINGS).</source>
        <translation>... et {} autre(s) paire(s) de noms de clusters semblables (sortie CLUSTER_WARNINGS).</translation>
    </message>
    <message>
        <source>: point not used</source>
        <translation> : point non utilisé</translation>
    </message>
    <message>
        <source>; new column(s): {}</source>
        <translation> ; nouvelle(s) colonne(s) : {}</translation>
    </message>
    <message>
        <source>; no municipality found: its zone comes from the land left over</source>
        <translation> ; aucune commune trouvée : sa zone vient du territoire restant</translation>
    </message>
    <message>
        <source>; placed in municipality {} (where its point lies)</source>
        <translation> ; placé dans la commune {} (où se trouve son point)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Builds approximate postal-code zones (polygons) from one point per postal code, for when the official zones are not available (Belgian bpost zones are not open data). The result is a valid reference layer for &lt;i&gt;Employment per postal code&lt;/i&gt;.&lt;/p&gt;
&lt;h3&gt;Method&lt;/h3&gt;
&lt;p&gt;Each point gets its Voronoi (Thiessen) cell: the area closer to it than to any other point. The cells are clipped to the boundary layer, so that the zones cover the boundary exactly, without gaps or overlaps. Codes are normalised as in the import (&lt;code&gt;1348&lt;/code&gt;, &lt;code&gt;B-1348&lt;/code&gt; and &lt;code&gt;1348.0&lt;/code&gt; are the same code &lt;code&gt;BE-1348&lt;/code&gt;); several points of one code give one zone (the union of their cells).&lt;/p&gt;
&lt;p&gt;With a municipality layer and a postcode &amp;rarr; municipality table, the cells are built inside each municipality among the codes that belong to it, so that a zone never crosses into a municipality its code does not serve. A code listed in several municipalities gets a piece in each. A code missing from the table (or whose municipalities are not in the layer) is placed in the municipality that contains its point. Land of municipalities that no code serves, and land of the boundary outside every municipality, goes to the nearest points.&lt;/p&gt;
&lt;p&gt;Everything unusual goes to the REPORT table and the log: invalid codes, duplicate points, points outside the boundary, codes without municipality, municipalities without codes, codes left without a zone.&lt;/p&gt;
&lt;h3&gt;Parameters&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Postcode points&lt;/b&gt; (POINTS): one point per postal code (several points per code are merged).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Postcode field&lt;/b&gt; (POSTCODE_FIELD) and optional &lt;b&gt;country field&lt;/b&gt; (COUNTRY_FIELD) of the points; &lt;b&gt;default country&lt;/b&gt; (DEFAULT_COUNTRY, ISO code, default BE) when a code has neither a country nor a prefix.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Boundary&lt;/b&gt; (BOUNDARY): polygons the zones must cover (e.g. the country or region); all its features are merged.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Municipalities&lt;/b&gt; (MUNICIPALITIES, optional) with their &lt;b&gt;id field&lt;/b&gt; (MUNICIPALITY_FIELD), e.g. the NIS code.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Postcode &amp;rarr; municipality table&lt;/b&gt; (LOOKUP, optional), its &lt;b&gt;postcode field&lt;/b&gt; (LOOKUP_POSTCODE_FIELD) and &lt;b&gt;municipality field&lt;/b&gt; (LOOKUP_MUNICIPALITY_FIELD).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Maximum distance outside the boundary&lt;/b&gt; (MAX_OUTSIDE_DISTANCE, in units of the working CRS, default 1000): points farther outside are geocoding errors and are ignored (reported); nearer ones are used.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Working CRS&lt;/b&gt; (TARGET_CRS, optional): projected CRS of the cells and of the output; by default the points' CRS when projected, else the boundary's, else the UTM zone of the boundary's centre.&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Outputs&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Postal zones&lt;/b&gt; (OUTPUT): one multipolygon per code with &lt;code&gt;pc_key&lt;/code&gt;, &lt;code&gt;country&lt;/code&gt;, &lt;code&gt;postcode&lt;/code&gt;, &lt;code&gt;n_points&lt;/code&gt;, &lt;code&gt;municipalities&lt;/code&gt;, &lt;code&gt;method&lt;/code&gt; (&lt;code&gt;voronoi&lt;/code&gt;, &lt;code&gt;municipality&lt;/code&gt;: the whole municipality, &lt;code&gt;voronoi_in_municipality&lt;/code&gt;) and &lt;code&gt;area_km2&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Report&lt;/b&gt; (REPORT): one row per problem with &lt;code&gt;pc_key&lt;/code&gt;, &lt;code&gt;raw_code&lt;/code&gt;, &lt;code&gt;municipality&lt;/code&gt;, &lt;code&gt;rule&lt;/code&gt; and &lt;code&gt;detail&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;Numbers ZONES, POINTS_USED, ISSUES and AREA_DIFFERENCE_PCT (union of the zones against the boundary, in percent).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Example&lt;/h3&gt;
&lt;p&gt;POINTS = &lt;code&gt;sample_data/postcode_points.gpkg&lt;/code&gt; (layer &lt;code&gt;postcode_points&lt;/code&gt;, 33 points), POSTCODE_FIELD = &lt;code&gt;postcode&lt;/code&gt;, BOUNDARY = &lt;code&gt;sample_data/boundaries.gpkg&lt;/code&gt; (layer &lt;code&gt;belgium&lt;/code&gt;): 33 zones covering Belgium, ISSUES 0, AREA_DIFFERENCE_PCT 0.0. On the full data: Belgian postcode points (EPSG:31370), boundary &lt;code&gt;belgium&lt;/code&gt;, municipalities &lt;code&gt;munty&lt;/code&gt; with &lt;code&gt;CD_MUNTY_REFNIS&lt;/code&gt;, table &lt;code&gt;be_localities_postcode_nis_2013.csv&lt;/code&gt; with &lt;code&gt;zipCode&lt;/code&gt; and &lt;code&gt;nisCode&lt;/code&gt;: 1,144 zones covering Belgium, each inside its municipalities.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Construit des zones approximatives de codes postaux (polygones) à partir d'un point par code postal, lorsque les zones officielles ne sont pas disponibles (les zones de bpost ne sont pas des données ouvertes). Le résultat est une couche de référence valable pour &lt;i&gt;Emploi par code postal&lt;/i&gt;.&lt;/p&gt;
&lt;h3&gt;Méthode&lt;/h3&gt;
&lt;p&gt;Chaque point reçoit sa cellule de Voronoï (Thiessen) : la surface plus proche de lui que de tout autre point. Les cellules sont découpées par la couche de limite, de sorte que les zones couvrent exactement la limite, sans vide ni chevauchement. Les codes sont normalisés comme à l'importation (&lt;code&gt;1348&lt;/code&gt;, &lt;code&gt;B-1348&lt;/code&gt; et &lt;code&gt;1348.0&lt;/code&gt; sont le même code &lt;code&gt;BE-1348&lt;/code&gt;) ; plusieurs points d'un même code donnent une seule zone (l'union de leurs cellules).&lt;/p&gt;
&lt;p&gt;Avec une couche de communes et une table code postal &amp;rarr; commune, les cellules sont construites à l'intérieur de chaque commune entre les codes qui lui appartiennent, de sorte qu'une zone ne déborde jamais sur une commune que son code ne dessert pas. Un code listé dans plusieurs communes reçoit un morceau de chacune. Un code absent de la table (ou dont les communes ne sont pas dans la couche) est placé dans la commune qui contient son point. Le territoire des communes qu'aucun code ne dessert, et celui de la limite hors de toute commune, va aux points les plus proches.&lt;/p&gt;
&lt;p&gt;Toute anomalie va dans la table REPORT et dans le journal : codes invalides, points en double, points hors de la limite, codes sans commune, communes sans code, codes restés sans zone.&lt;/p&gt;
&lt;h3&gt;Paramètres&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Points des codes postaux&lt;/b&gt; (POINTS) : un point par code postal (plusieurs points d'un même code sont fusionnés).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Champ du code postal&lt;/b&gt; (POSTCODE_FIELD) et &lt;b&gt;champ du pays&lt;/b&gt; facultatif (COUNTRY_FIELD) des points ; &lt;b&gt;pays par défaut&lt;/b&gt; (DEFAULT_COUNTRY, code ISO, BE par défaut) lorsqu'un code n'a ni pays ni préfixe.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Limite&lt;/b&gt; (BOUNDARY) : polygones que les zones doivent couvrir (par ex. le pays ou la région) ; toutes ses entités sont fusionnées.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Communes&lt;/b&gt; (MUNICIPALITIES, facultatif) avec leur &lt;b&gt;champ identifiant&lt;/b&gt; (MUNICIPALITY_FIELD), par ex. le code INS.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Table code postal &amp;rarr; commune&lt;/b&gt; (LOOKUP, facultatif), son &lt;b&gt;champ du code postal&lt;/b&gt; (LOOKUP_POSTCODE_FIELD) et son &lt;b&gt;champ de la commune&lt;/b&gt; (LOOKUP_MUNICIPALITY_FIELD).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Distance maximale hors de la limite&lt;/b&gt; (MAX_OUTSIDE_DISTANCE, en unités du SCR de travail, 1000 par défaut) : les points plus éloignés sont des erreurs de géocodage et sont ignorés (signalés) ; les plus proches sont utilisés.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;SCR de travail&lt;/b&gt; (TARGET_CRS, facultatif) : SCR projeté des cellules et de la sortie ; par défaut celui des points s'il est projeté, sinon celui de la limite, sinon la zone UTM du centre de la limite.&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Sorties&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Zones postales&lt;/b&gt; (OUTPUT) : un multipolygone par code avec &lt;code&gt;pc_key&lt;/code&gt;, &lt;code&gt;country&lt;/code&gt;, &lt;code&gt;postcode&lt;/code&gt;, &lt;code&gt;n_points&lt;/code&gt;, &lt;code&gt;municipalities&lt;/code&gt;, &lt;code&gt;method&lt;/code&gt; (&lt;code&gt;voronoi&lt;/code&gt;, &lt;code&gt;municipality&lt;/code&gt; : toute la commune, &lt;code&gt;voronoi_in_municipality&lt;/code&gt;) et &lt;code&gt;area_km2&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Rapport&lt;/b&gt; (REPORT) : une ligne par problème avec &lt;code&gt;pc_key&lt;/code&gt;, &lt;code&gt;raw_code&lt;/code&gt;, &lt;code&gt;municipality&lt;/code&gt;, &lt;code&gt;rule&lt;/code&gt; et &lt;code&gt;detail&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;Nombres ZONES, POINTS_USED, ISSUES et AREA_DIFFERENCE_PCT (union des zones par rapport à la limite, en pour cent).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Exemple&lt;/h3&gt;
&lt;p&gt;POINTS = &lt;code&gt;sample_data/postcode_points.gpkg&lt;/code&gt; (couche &lt;code&gt;postcode_points&lt;/code&gt;, 33 points), POSTCODE_FIELD = &lt;code&gt;postcode&lt;/code&gt;, BOUNDARY = &lt;code&gt;sample_data/boundaries.gpkg&lt;/code&gt; (couche &lt;code&gt;belgium&lt;/code&gt;) : 33 zones couvrant la Belgique, ISSUES 0, AREA_DIFFERENCE_PCT 0,0. Sur les données complètes : points des codes postaux belges (EPSG:31370), limite &lt;code&gt;belgium&lt;/code&gt;, communes &lt;code&gt;munty&lt;/code&gt; avec &lt;code&gt;CD_MUNTY_REFNIS&lt;/code&gt;, table &lt;code&gt;be_localities_postcode_nis_2013.csv&lt;/code&gt; avec &lt;code&gt;zipCode&lt;/code&gt; et &lt;code&gt;nisCode&lt;/code&gt; : 1 144 zones couvrant la Belgique, chacune dans ses communes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Copies a layer to &lt;b&gt;OUTPUT&lt;/b&gt; styled with one of the bundled atlas styles, with the field chosen by parameter. For a GeoPackage output the style is stored as the layer's default style, so the file opens styled in QGIS later (also when run with qgis_process).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt;: any vector layer.&lt;/li&gt;&lt;li&gt;&lt;b&gt;STYLE&lt;/b&gt;: proportional circles (one colour, by cluster, by entity kind), network lines (copper/fibre by the field &lt;i&gt;class&lt;/i&gt;), zone outlines, region backdrop, country outline, choropleth of employment per 1,000 inhabitants (quantiles), choropleth of a location quotient (breaks 0.5, 0.8, 1.25, 2).&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD&lt;/b&gt;: value field: circle size or choropleth value (default &lt;i&gt;employment&lt;/i&gt;, &lt;i&gt;emp_per_1000&lt;/i&gt; or &lt;i&gt;lq&lt;/i&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;CATEGORY_FIELD&lt;/b&gt;: field of the categories (default &lt;i&gt;cluster&lt;/i&gt;, &lt;i&gt;kind&lt;/i&gt;, &lt;i&gt;class&lt;/i&gt;). When styling by cluster or kind a wide layer of the aggregation (fields &lt;i&gt;emp_&amp;lt;slug&amp;gt;&lt;/i&gt; or &lt;i&gt;emp_k_&amp;lt;kind&amp;gt;&lt;/i&gt;, no category field), the output has one circle per postal code and category; circles sharing a point are offset around it so none is hidden.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD_MAP&lt;/b&gt;: optional slug to cluster name map (JSON), the aggregation's FIELD_MAP output, to label exploded clusters with their names.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_SIZE&lt;/b&gt;: diameter in mm of the largest circle.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_VALUE&lt;/b&gt;: value drawn with MAX_SIZE; 0 = the layer's maximum. Give the same value to several maps to compare them on one scale.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the styled copy.&lt;/li&gt;&lt;li&gt;&lt;b&gt;STYLE_INFO&lt;/b&gt;: what was applied (e.g. the value given the largest circle).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;Circle area is proportional to the value: diameter = MAX_SIZE x sqrt(value / MAX_VALUE) (data-defined size with an area scale); larger circles are drawn first, under the smaller ones; the size legend shows nested circles of round values. Cluster colours come from a colour-blind-safe palette, chosen from the normalised cluster name, so a cluster keeps its colour across maps and runs.&lt;/p&gt;&lt;h3&gt;Example&lt;/h3&gt;&lt;p&gt;INPUT = the CIRCLES output of Employment per postal code on the sample data (fields &lt;code&gt;emp_&amp;lt;slug&amp;gt;&lt;/code&gt; per cluster), STYLE = Proportional circles by cluster, FIELD_MAP = its FIELD_MAP, OUTPUT = &lt;code&gt;circles_styled.gpkg&lt;/code&gt;: one circle per postal code and cluster, coloured by cluster; STYLE_INFO gives the largest circle: diameter 12.0 mm (MAX_SIZE) for 1,690.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Copie une couche vers &lt;b&gt;OUTPUT&lt;/b&gt; avec l'un des styles d'atlas fournis, le champ étant choisi par paramètre. Pour une sortie GeoPackage, le style est enregistré comme style par défaut de la couche : le fichier s'ouvre stylé plus tard dans QGIS (aussi après qgis_process).&lt;/p&gt;&lt;h3&gt;Paramètres&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;INPUT&lt;/b&gt; : toute couche vecteur.&lt;/li&gt;&lt;li&gt;&lt;b&gt;STYLE&lt;/b&gt; : cercles proportionnels (une couleur, par cluster, par type d'entité), lignes du réseau (cuivre/fibre selon le champ &lt;i&gt;class&lt;/i&gt;), contours des zones, fond de la région, contour du pays, choroplèthe de l'emploi pour 1 000 habitants (quantiles), choroplèthe d'un quotient de localisation (seuils 0,5, 0,8, 1,25, 2).&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD&lt;/b&gt; : champ de valeur : taille des cercles ou valeur de la choroplèthe (par défaut &lt;i&gt;employment&lt;/i&gt;, &lt;i&gt;emp_per_1000&lt;/i&gt; ou &lt;i&gt;lq&lt;/i&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;CATEGORY_FIELD&lt;/b&gt; : champ des catégories (par défaut &lt;i&gt;cluster&lt;/i&gt;, &lt;i&gt;kind&lt;/i&gt;, &lt;i&gt;class&lt;/i&gt;). Pour styler par cluster ou par type une couche large de l'agrégation (champs &lt;i&gt;emp_&amp;lt;slug&amp;gt;&lt;/i&gt; ou &lt;i&gt;emp_k_&amp;lt;type&amp;gt;&lt;/i&gt;, sans champ de catégorie), la sortie a un cercle par code postal et par catégorie ; les cercles d'un même point sont décalés autour de lui pour qu'aucun ne soit caché.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD_MAP&lt;/b&gt; : correspondance facultative slug vers nom de cluster (JSON), la sortie FIELD_MAP de l'agrégation, pour nommer les clusters éclatés.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_SIZE&lt;/b&gt; : diamètre en mm du plus grand cercle.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_VALUE&lt;/b&gt; : valeur dessinée avec MAX_SIZE ; 0 = le maximum de la couche. Donnez la même valeur à plusieurs cartes pour les comparer à la même échelle.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Sorties&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt; : la copie stylée.&lt;/li&gt;&lt;li&gt;&lt;b&gt;STYLE_INFO&lt;/b&gt; : ce qui a été appliqué (par ex. la valeur du plus grand cercle).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Méthode&lt;/h3&gt;&lt;p&gt;La surface des cercles est proportionnelle à la valeur : diamètre = MAX_SIZE x racine(valeur / MAX_VALUE) (taille définie par les données avec une échelle de surface) ; les grands cercles sont dessinés d'abord, sous les petits ; la légende des tailles montre des cercles emboîtés de valeurs rondes. Les couleurs des clusters viennent d'une palette lisible par les daltoniens, choisies à partir du nom normalisé du cluster : un cluster garde sa couleur d'une carte et d'une exécution à l'autre.&lt;/p&gt;&lt;h3&gt;Exemple&lt;/h3&gt;&lt;p&gt;INPUT = la sortie CIRCLES de Emploi par code postal sur les données d'exemple (champs &lt;code&gt;emp_&amp;lt;slug&amp;gt;&lt;/code&gt; par cluster), STYLE = Cercles proportionnels par cluster, FIELD_MAP = son FIELD_MAP, OUTPUT = &lt;code&gt;circles_styled.gpkg&lt;/code&gt; : un cercle par code postal et par cluster, coloré selon le cluster ; STYLE_INFO donne le plus grand cercle : diamètre 12,0 mm (MAX_SIZE) pour 1 690.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Measures how closely the employment of a cluster follows a line network (the atlas' claim that ICT entities &lt;i&gt;follow the Walloon copper and fibre network closely&lt;/i&gt;).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;ZONES&lt;/b&gt;: polygons with an employment field (e.g. the output of the aggregation), or points (geocoded members or postal-code points).&lt;/li&gt;&lt;li&gt;&lt;b&gt;EMPLOYMENT_FIELD&lt;/b&gt;: numeric employment of each zone; NULL counts as 0 (reported in the log).&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_FIELD&lt;/b&gt; (optional): population of each zone, for the population affinity.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK&lt;/b&gt;: line layer (any CRS; multi-part lines allowed).&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASS_FIELD&lt;/b&gt; (optional): the line type field. Without it the only class is &lt;code&gt;all&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASS_MAP&lt;/b&gt;: maps type values onto classes, e.g. &lt;code&gt;rail=fibre; tram=fibre; *=copper&lt;/code&gt;. &lt;code&gt;*&lt;/code&gt; is the class of unmapped values (default &lt;code&gt;other&lt;/code&gt;), &lt;code&gt;NULL&lt;/code&gt; that of empty values. The values &lt;code&gt;copper&lt;/code&gt;, &lt;code&gt;fibre&lt;/code&gt; and &lt;code&gt;fiber&lt;/code&gt; map to themselves. Values are matched ignoring case and accents; items are separated by &lt;code&gt;;&lt;/code&gt;, &lt;code&gt;,&lt;/code&gt; or new lines; a JSON object is accepted for values containing separators. The classes &lt;code&gt;copper&lt;/code&gt;, &lt;code&gt;fibre&lt;/code&gt; and &lt;code&gt;other&lt;/code&gt; always get fields.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DISTANCES&lt;/b&gt;: distance thresholds in km (default &lt;code&gt;1, 2, 5&lt;/code&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBERS&lt;/b&gt; (optional): geocoded member points (any CRS). Each zone with members of positive employment is then measured from the employment-weighted centre of its members instead of its point on surface.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBER_EMPLOYMENT_FIELD&lt;/b&gt; (optional): employment of each member, the weight of the centre; without it every member weighs 1; NULL counts as 0.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBER_ZONE_FIELD&lt;/b&gt; and &lt;b&gt;ZONE_KEY_FIELD&lt;/b&gt; (optional, both or neither): join members to zones by key (e.g. &lt;code&gt;pc_key&lt;/code&gt; on both sides; &lt;code&gt;1348&lt;/code&gt; matches &lt;code&gt;"1348"&lt;/code&gt;). Without them a member belongs to the first zone (in reading order) that holds the point, its boundary included.&lt;/li&gt;&lt;li&gt;&lt;b&gt;METRIC_CRS&lt;/b&gt; (advanced): projected CRS in metres for lengths and distances; default the zones' CRS when it is projected in metres, else EPSG:3812.&lt;/li&gt;&lt;li&gt;&lt;b&gt;LENGTH_METHOD&lt;/b&gt; (advanced): planar in the metric CRS (as QGIS' native algorithms without ellipsoid), or ellipsoidal (the project's ellipsoid, else that of the metric CRS).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the zones with &lt;code&gt;area_km2&lt;/code&gt;, &lt;code&gt;len_km_&amp;lt;class&amp;gt;&lt;/code&gt;, &lt;code&gt;len_km_total&lt;/code&gt;, &lt;code&gt;density_&amp;lt;class&amp;gt;&lt;/code&gt; and &lt;code&gt;density_total&lt;/code&gt; (km/km²), &lt;code&gt;dist_km_&amp;lt;class&amp;gt;&lt;/code&gt; and &lt;code&gt;dist_km_total&lt;/code&gt; (km from the zone's point on surface, or the point itself, to the nearest line; NULL when the class has no line), &lt;code&gt;dist_from&lt;/code&gt; (where distances start: &lt;code&gt;point_on_surface&lt;/code&gt;, &lt;code&gt;zone_point&lt;/code&gt; or &lt;code&gt;members_centre&lt;/code&gt;), &lt;code&gt;n_members&lt;/code&gt; (members joined, when MEMBERS is given), &lt;code&gt;emp_density&lt;/code&gt; (employment/km²). Point inputs get only the distances.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBER_DISTANCES&lt;/b&gt; (optional, with MEMBERS): every member (none dropped, also those without geometry or outside every zone) with its fields, &lt;code&gt;dist_km_&amp;lt;class&amp;gt;&lt;/code&gt;, &lt;code&gt;dist_km_total&lt;/code&gt; and &lt;code&gt;zone_fid&lt;/code&gt; (feature id of its zone, NULL when in none).&lt;/li&gt;&lt;li&gt;&lt;b&gt;SUMMARY&lt;/b&gt;: table, one row per class and threshold: zones and employment within the distance, &lt;code&gt;employment_share&lt;/code&gt;, &lt;code&gt;area_share&lt;/code&gt;, &lt;code&gt;population_share&lt;/code&gt;, &lt;code&gt;affinity_area&lt;/code&gt; = employment share / area share, &lt;code&gt;affinity_population&lt;/code&gt;, Spearman's &lt;code&gt;spearman_rho&lt;/code&gt; between employment density and network density with &lt;code&gt;spearman_n&lt;/code&gt;, &lt;code&gt;network_km&lt;/code&gt; and the &lt;code&gt;length_method&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;REPORT&lt;/b&gt;: HTML page with the summary, the affinity table, the correlations and an SVG chart of the share of employment (and of area/population) within each distance.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SPEARMAN_RHO&lt;/b&gt;, &lt;b&gt;SPEARMAN_N&lt;/b&gt;: correlation for the whole network; &lt;b&gt;LENGTH_METHOD_USED&lt;/b&gt;; &lt;b&gt;STATS_JSON&lt;/b&gt;: all summary figures as JSON.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;The network is read once and transformed once into the metric CRS. Zones are checked first: an EMPTY geometry counts as none (like NULL); an invalid polygon (self-intersection, overlapping parts) is repaired with makeValid and only its polygonal part is used for lengths, areas and distances (a zone with nothing polygonal left is unusable); each such zone is named in the log (feature id, and its ZONE_KEY_FIELD value when given), whatever Processing's invalid-geometry setting. The length of a line in a zone is the length of its intersection with the zone, as in &lt;i&gt;Sum line lengths&lt;/i&gt;; lines wholly inside a zone and without self-overlap add their whole length without an intersection. &lt;b&gt;One deliberate difference from &lt;i&gt;Sum line lengths&lt;/i&gt;&lt;/b&gt;: a stretch lying exactly on a boundary shared by two zones is counted once, in the zone read first, where &lt;i&gt;Sum line lengths&lt;/i&gt; counts it in both; so zone lengths add up to the network length. Distances are measured from each zone's point on surface (or the employment-weighted centre of its members, which may lie outside a concave zone) to the nearest line of each class (as &lt;i&gt;Join attributes by nearest&lt;/i&gt;). A zone is within d km of a class when that distance is at most d. An affinity above 1 means employment is closer to the network than land (or people) is. Spearman's rho uses average ranks for ties; the p-value is a Fisher-z approximation.&lt;/p&gt;&lt;h3&gt;Example&lt;/h3&gt;&lt;p&gt;ZONES = the zones of Employment per postal code on the sample data (33 zones), EMPLOYMENT_FIELD = &lt;code&gt;employment&lt;/code&gt;, NETWORK = &lt;code&gt;sample_data/network_illustrative.gpkg&lt;/code&gt; (layer &lt;code&gt;network&lt;/code&gt;, an illustrative network, not a real one), CLASS_FIELD = &lt;code&gt;class&lt;/code&gt;: 26.5% of the employment lies within 1 km of the network on 2.7% of the area (class &lt;code&gt;total&lt;/code&gt;: affinity_area 9.7), SPEARMAN_RHO 0.31 with SPEARMAN_N 33. With real data: EMPLOYMENT_FIELD = &lt;code&gt;emp_tic&lt;/code&gt;, NETWORK = an OpenStreetMap railway layer, CLASS_FIELD = &lt;code&gt;type&lt;/code&gt;, CLASS_MAP = &lt;code&gt;rail=fibre; *=copper&lt;/code&gt; (railways as a stand-in for fibre backbones, which often follow rail corridors).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mesure à quel point l'emploi d'un cluster suit un réseau linéaire (l'affirmation de l'atlas selon laquelle les entités TIC &lt;i&gt;suivent de près le réseau wallon de cuivre et de fibre optique&lt;/i&gt;).&lt;/p&gt;&lt;h3&gt;Paramètres&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;ZONES&lt;/b&gt; : polygones avec un champ d'emploi (p. ex. la sortie de l'agrégation), ou points (membres géocodés ou points des codes postaux).&lt;/li&gt;&lt;li&gt;&lt;b&gt;EMPLOYMENT_FIELD&lt;/b&gt; : emploi numérique de chaque zone ; NULL compte pour 0 (signalé dans le journal).&lt;/li&gt;&lt;li&gt;&lt;b&gt;POPULATION_FIELD&lt;/b&gt; (facultatif) : population de chaque zone, pour l'affinité rapportée à la population.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK&lt;/b&gt; : couche de lignes (tout SCR ; lignes multi-parties acceptées).&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASS_FIELD&lt;/b&gt; (facultatif) : le champ du type de ligne. Sans lui, la seule classe est &lt;code&gt;all&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLASS_MAP&lt;/b&gt; : associe les valeurs du type à des classes, p. ex. &lt;code&gt;rail=fibre; tram=fibre; *=copper&lt;/code&gt;. &lt;code&gt;*&lt;/code&gt; est la classe des valeurs non associées (par défaut &lt;code&gt;other&lt;/code&gt;), &lt;code&gt;NULL&lt;/code&gt; celle des valeurs vides. Les valeurs &lt;code&gt;copper&lt;/code&gt;, &lt;code&gt;fibre&lt;/code&gt; et &lt;code&gt;fiber&lt;/code&gt; sont associées à elles-mêmes. Les valeurs sont comparées sans tenir compte de la casse ni des accents ; les éléments sont séparés par &lt;code&gt;;&lt;/code&gt;, &lt;code&gt;,&lt;/code&gt; ou des retours à la ligne ; un objet JSON est accepté pour les valeurs contenant des séparateurs. Les classes &lt;code&gt;copper&lt;/code&gt;, &lt;code&gt;fibre&lt;/code&gt; et &lt;code&gt;other&lt;/code&gt; ont toujours leurs champs.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DISTANCES&lt;/b&gt; : seuils de distance en km (par défaut &lt;code&gt;1, 2, 5&lt;/code&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBERS&lt;/b&gt; (facultatif) : points des membres géocodés (tout SCR). Chaque zone dont les membres ont un emploi positif est alors mesurée depuis le centre de ses membres pondéré par l'emploi au lieu de son point sur la surface.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBER_EMPLOYMENT_FIELD&lt;/b&gt; (facultatif) : emploi de chaque membre, le poids du centre ; sans lui chaque membre pèse 1 ; NULL compte pour 0.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBER_ZONE_FIELD&lt;/b&gt; et &lt;b&gt;ZONE_KEY_FIELD&lt;/b&gt; (facultatifs, les deux ou aucun) : joignent les membres aux zones par clé (p. ex. &lt;code&gt;pc_key&lt;/code&gt; des deux côtés ; &lt;code&gt;1348&lt;/code&gt; correspond à &lt;code&gt;"1348"&lt;/code&gt;). Sans eux, un membre appartient à la première zone (dans l'ordre de lecture) qui contient le point, limite comprise.&lt;/li&gt;&lt;li&gt;&lt;b&gt;METRIC_CRS&lt;/b&gt; (avancé) : SCR projeté en mètres pour les longueurs et les distances ; par défaut le SCR des zones s'il est projeté en mètres, sinon EPSG:3812.&lt;/li&gt;&lt;li&gt;&lt;b&gt;LENGTH_METHOD&lt;/b&gt; (avancé) : planimétrique dans le SCR métrique (comme les algorithmes natifs de QGIS sans ellipsoïde), ou ellipsoïdale (l'ellipsoïde du projet, sinon celui du SCR métrique).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Sorties&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt; : les zones avec &lt;code&gt;area_km2&lt;/code&gt;, &lt;code&gt;len_km_&amp;lt;classe&amp;gt;&lt;/code&gt;, &lt;code&gt;len_km_total&lt;/code&gt;, &lt;code&gt;density_&amp;lt;classe&amp;gt;&lt;/code&gt; et &lt;code&gt;density_total&lt;/code&gt; (km/km²), &lt;code&gt;dist_km_&amp;lt;classe&amp;gt;&lt;/code&gt; et &lt;code&gt;dist_km_total&lt;/code&gt; (km depuis le point sur la surface de la zone, ou le point lui-même, jusqu'à la ligne la plus proche ; NULL quand la classe n'a aucune ligne), &lt;code&gt;dist_from&lt;/code&gt; (origine des distances : &lt;code&gt;point_on_surface&lt;/code&gt;, &lt;code&gt;zone_point&lt;/code&gt; ou &lt;code&gt;members_centre&lt;/code&gt;), &lt;code&gt;n_members&lt;/code&gt; (membres joints, quand MEMBERS est donné), &lt;code&gt;emp_density&lt;/code&gt; (emploi/km²). Les entrées ponctuelles n'ont que les distances.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MEMBER_DISTANCES&lt;/b&gt; (facultatif, avec MEMBERS) : chaque membre (aucun n'est écarté, pas même ceux sans géométrie ou hors de toute zone) avec ses champs, &lt;code&gt;dist_km_&amp;lt;classe&amp;gt;&lt;/code&gt;, &lt;code&gt;dist_km_total&lt;/code&gt; et &lt;code&gt;zone_fid&lt;/code&gt; (identifiant de l'entité de sa zone, NULL s'il n'est dans aucune).&lt;/li&gt;&lt;li&gt;&lt;b&gt;SUMMARY&lt;/b&gt; : table, une ligne par classe et par seuil : zones et emploi à moins de la distance, &lt;code&gt;employment_share&lt;/code&gt;, &lt;code&gt;area_share&lt;/code&gt;, &lt;code&gt;population_share&lt;/code&gt;, &lt;code&gt;affinity_area&lt;/code&gt; = part de l'emploi / part de la superficie, &lt;code&gt;affinity_population&lt;/code&gt;, le &lt;code&gt;spearman_rho&lt;/code&gt; de Spearman entre densité d'emploi et densité du réseau avec &lt;code&gt;spearman_n&lt;/code&gt;, &lt;code&gt;network_km&lt;/code&gt; et la &lt;code&gt;length_method&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;REPORT&lt;/b&gt; : page HTML avec le résumé, le tableau des affinités, les corrélations et un graphique SVG de la part de l'emploi (et de la superficie/population) à moins de chaque distance.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SPEARMAN_RHO&lt;/b&gt;, &lt;b&gt;SPEARMAN_N&lt;/b&gt; : corrélation pour l'ensemble du réseau ; &lt;b&gt;LENGTH_METHOD_USED&lt;/b&gt; ; &lt;b&gt;STATS_JSON&lt;/b&gt; : tous les chiffres du résumé en JSON.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Méthode&lt;/h3&gt;&lt;p&gt;Le réseau est lu une fois et transformé une fois dans le SCR métrique. Les zones sont d'abord vérifiées : une géométrie vide (EMPTY) compte comme absente (comme NULL) ; un polygone invalide (auto-intersection, parties qui se chevauchent) est réparé par makeValid et seule sa partie surfacique sert aux longueurs, superficies et distances (une zone sans surface après réparation est inutilisable) ; chacune de ces zones est nommée dans le journal (identifiant de l'entité, et sa valeur de ZONE_KEY_FIELD si donné), quel que soit le réglage des géométries invalides de Processing. La longueur d'une ligne dans une zone est la longueur de son intersection avec la zone, comme dans &lt;i&gt;Somme des longueurs de lignes&lt;/i&gt; ; les lignes entièrement dans une zone et sans auto-superposition comptent toute leur longueur sans intersection. &lt;b&gt;Une différence voulue avec &lt;i&gt;Somme des longueurs de lignes&lt;/i&gt;&lt;/b&gt; : un tronçon situé exactement sur la limite commune de deux zones est compté une fois, dans la zone lue en premier, alors que &lt;i&gt;Somme des longueurs de lignes&lt;/i&gt; le compte dans les deux ; ainsi les longueurs des zones s'additionnent en la longueur du réseau. Les distances sont mesurées depuis le point sur la surface de chaque zone (ou le centre de ses membres pondéré par l'emploi, qui peut se trouver hors d'une zone concave) jusqu'à la ligne la plus proche de chaque classe (comme &lt;i&gt;Joindre les attributs par le plus proche&lt;/i&gt;). Une zone est à moins de d km d'une classe quand cette distance est au plus d. Une affinité supérieure à 1 signifie que l'emploi est plus proche du réseau que le territoire (ou la population). Le rho de Spearman utilise les rangs moyens en cas d'ex aequo ; la p-valeur est une approximation par le z de Fisher.&lt;/p&gt;&lt;h3&gt;Exemple&lt;/h3&gt;&lt;p&gt;ZONES = les zones de Emploi par code postal sur les données d'exemple (33 zones), EMPLOYMENT_FIELD = &lt;code&gt;employment&lt;/code&gt;, NETWORK = &lt;code&gt;sample_data/network_illustrative.gpkg&lt;/code&gt; (couche &lt;code&gt;network&lt;/code&gt;, un réseau illustratif, pas un réseau réel), CLASS_FIELD = &lt;code&gt;class&lt;/code&gt; : 26,5 % de l'emploi se trouve à moins de 1 km du réseau sur 2,7 % de la superficie (classe &lt;code&gt;total&lt;/code&gt; : affinity_area 9,7), SPEARMAN_RHO 0,31 avec SPEARMAN_N 33. Avec des données réelles : EMPLOYMENT_FIELD = &lt;code&gt;emp_tic&lt;/code&gt;, NETWORK = une couche des voies ferrées OpenStreetMap, CLASS_FIELD = &lt;code&gt;type&lt;/code&gt;, CLASS_MAP = &lt;code&gt;rail=fibre; *=copper&lt;/code&gt; (les voies ferrées comme substitut des dorsales de fibre, qui suivent souvent les couloirs ferroviaires).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Renders the atlas page (print layout &lt;i&gt;resources/atlas_page.qpt&lt;/i&gt;: a 249 x 165 mm map frame, title and map number, legend, scale bar, north arrow and the side block "Méthodo. et stat." / "Sources et auteurs") to a file, without the desktop. One page for all clusters, or one page per cluster (maps 1, 2, 3... of the atlas).&lt;/p&gt;&lt;h3&gt;Parameters&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;CIRCLES&lt;/b&gt;: points with the employment per postal code: the CIRCLES output of Aggregate per postal code (wide: &lt;i&gt;emp_&amp;lt;slug&amp;gt;&lt;/i&gt; per cluster, &lt;i&gt;emp_k_&amp;lt;kind&amp;gt;&lt;/i&gt; per kind) or any point layer with a &lt;i&gt;cluster&lt;/i&gt; or &lt;i&gt;kind&lt;/i&gt; field.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD&lt;/b&gt;: value field of the circles (default &lt;i&gt;employment&lt;/i&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;COLOUR_BY&lt;/b&gt;: colour by cluster, by entity kind, or one colour.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLUSTERS&lt;/b&gt;: clusters to map, separated by ';' (or ',' when there is no ';'; names or slugs); empty = all.&lt;/li&gt;&lt;li&gt;&lt;b&gt;PER_CLUSTER&lt;/b&gt;: one page per cluster (numbered from MAP_NUMBER) instead of one page.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD_MAP&lt;/b&gt;: slug to cluster name map (JSON), the aggregation's FIELD_MAP output.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK&lt;/b&gt;, &lt;b&gt;ZONES&lt;/b&gt;, &lt;b&gt;BOUNDARY&lt;/b&gt;, &lt;b&gt;BACKDROP&lt;/b&gt;: optional layers drawn under the circles: network lines, zone outlines, the region (Wallonia), the country (Belgium).&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK_CLASS_FIELD&lt;/b&gt;, &lt;b&gt;CLASS_MAP&lt;/b&gt;: how network lines are drawn by type, as in Network overlay: the type field (default &lt;i&gt;class&lt;/i&gt; when the layer has one) and the map of its values onto classes (e.g. &lt;code&gt;rail=fibre; *=other&lt;/code&gt;; &lt;code&gt;copper&lt;/code&gt;, &lt;code&gt;fibre&lt;/code&gt; and &lt;code&gt;fiber&lt;/code&gt; need no map). Copper, fibre and other lines get the atlas symbols; a network without a type field is drawn with one symbol (a warning says so).&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK_SUMMARY&lt;/b&gt;: the SUMMARY table of Network overlay; its measure is written in the side block "Méthodo. et stat." (whole network, smallest distance): e.g. &lt;i&gt;26,5 % de l’emploi dans un rayon de 1 km du réseau (2,7 % de la surface) ; ρ de Spearman 0,31 (n = 33).&lt;/i&gt;&lt;/li&gt;&lt;li&gt;&lt;b&gt;EXTENT&lt;/b&gt;: map extent; default the BOUNDARY extent grown to hold every circle.&lt;/li&gt;&lt;li&gt;&lt;b&gt;TITLE&lt;/b&gt;, &lt;b&gt;SUBTITLE&lt;/b&gt;, &lt;b&gt;MAP_NUMBER&lt;/b&gt;, &lt;b&gt;ATLAS_NAME&lt;/b&gt;: page texts; per cluster the subtitle is the cluster name.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SPATIAL_LEVEL&lt;/b&gt;, &lt;b&gt;METHOD&lt;/b&gt;, &lt;b&gt;DATA_USED&lt;/b&gt;, &lt;b&gt;SOURCES&lt;/b&gt;, &lt;b&gt;AUTHORS&lt;/b&gt;, &lt;b&gt;CREDITS&lt;/b&gt;: the side block and the line under the map. Left empty, METHOD and DATA_USED state what the plugin computes, SOURCES is printed as still to be given (with a warning) and AUTHORS is left out. A title too long for one line is set smaller.&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAGE_LANGUAGE&lt;/b&gt;: language of the fixed page wording (French as in the atlas, or English).&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_SIZE&lt;/b&gt;: diameter in mm of the largest circle; every page uses the same scale.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DPI&lt;/b&gt;: resolution of PNG output (and of rasterised parts of PDF/SVG).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the file; the format comes from its extension (.pdf, .png, .svg). A PDF holds every page; PNG and SVG write one file per page (name.png, name_2.png, ...).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Outputs&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt;: the file.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FILES&lt;/b&gt;: every file written (';').&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAGES&lt;/b&gt;: number of pages.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAP_EXTENT&lt;/b&gt;: extent of the (first) map as xmin,ymin,xmax,ymax and its CRS.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;Circle area is proportional to employment (diameter = MAX_SIZE x sqrt(value / maximum)), larger circles under smaller ones, nested-circle size legend with round values. Clusters sharing a postal code are offset around the point so none is hidden. Cluster colours are stable across maps and runs (colour-blind-safe palette chosen from the normalised cluster name).&lt;/p&gt;&lt;h3&gt;Example&lt;/h3&gt;&lt;p&gt;CIRCLES, ZONES and FIELD_MAP = the outputs of Employment per postal code on the sample data, NETWORK = &lt;code&gt;sample_data/network_illustrative.gpkg&lt;/code&gt;, BOUNDARY = &lt;code&gt;sample_data/boundaries.gpkg&lt;/code&gt; (layer &lt;code&gt;wallonia&lt;/code&gt;), PER_CLUSTER = yes, TITLE = Les clusters technologiques, OUTPUT = &lt;code&gt;atlas.pdf&lt;/code&gt;: a PDF of 4 pages (PAGES = 4), one per cluster of the sample.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Produit la page d'atlas (mise en page &lt;i&gt;resources/atlas_page.qpt&lt;/i&gt; : un cadre de carte de 249 x 165 mm, titre et numéro de carte, légende, échelle, flèche du nord et le bloc latéral « Méthodo. et stat. » / « Sources et auteurs ») dans un fichier, sans l'interface. Une page pour tous les clusters, ou une page par cluster (cartes 1, 2, 3... de l'atlas).&lt;/p&gt;&lt;h3&gt;Paramètres&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;CIRCLES&lt;/b&gt; : points avec l'emploi par code postal : la sortie CIRCLES de l'agrégation par code postal (large : &lt;i&gt;emp_&amp;lt;slug&amp;gt;&lt;/i&gt; par cluster, &lt;i&gt;emp_k_&amp;lt;type&amp;gt;&lt;/i&gt; par type) ou toute couche de points avec un champ &lt;i&gt;cluster&lt;/i&gt; ou &lt;i&gt;kind&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD&lt;/b&gt; : champ de valeur des cercles (par défaut &lt;i&gt;employment&lt;/i&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;COLOUR_BY&lt;/b&gt; : couleur par cluster, par type d'entité, ou une seule couleur.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CLUSTERS&lt;/b&gt; : clusters à cartographier, séparés par « ; » (ou « , » en l'absence de « ; » ; noms ou slugs) ; vide = tous.&lt;/li&gt;&lt;li&gt;&lt;b&gt;PER_CLUSTER&lt;/b&gt; : une page par cluster (numérotée à partir de MAP_NUMBER) au lieu d'une seule page.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FIELD_MAP&lt;/b&gt; : correspondance slug vers nom de cluster (JSON), la sortie FIELD_MAP de l'agrégation.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK&lt;/b&gt;, &lt;b&gt;ZONES&lt;/b&gt;, &lt;b&gt;BOUNDARY&lt;/b&gt;, &lt;b&gt;BACKDROP&lt;/b&gt; : couches facultatives dessinées sous les cercles : lignes du réseau, contours des zones, la région (Wallonie), le pays (Belgique).&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK_CLASS_FIELD&lt;/b&gt;, &lt;b&gt;CLASS_MAP&lt;/b&gt; : comment les lignes du réseau sont dessinées selon leur type, comme dans Superposition au réseau : le champ du type (par défaut &lt;i&gt;class&lt;/i&gt; si la couche en a un) et la correspondance de ses valeurs vers des classes (par ex. &lt;code&gt;rail=fibre; *=other&lt;/code&gt; ; &lt;code&gt;copper&lt;/code&gt;, &lt;code&gt;fibre&lt;/code&gt; et &lt;code&gt;fiber&lt;/code&gt; n'en demandent pas). Les lignes cuivre, fibre et autres reçoivent les symboles de l'atlas ; un réseau sans champ de type est dessiné avec un seul symbole (un avertissement le signale).&lt;/li&gt;&lt;li&gt;&lt;b&gt;NETWORK_SUMMARY&lt;/b&gt; : la table SUMMARY de Superposition au réseau ; sa mesure est écrite dans le bloc latéral « Méthodo. et stat. » (tout le réseau, plus petite distance) : par ex. &lt;i&gt;26,5 % de l’emploi dans un rayon de 1 km du réseau (2,7 % de la surface) ; ρ de Spearman 0,31 (n = 33).&lt;/i&gt;&lt;/li&gt;&lt;li&gt;&lt;b&gt;EXTENT&lt;/b&gt; : emprise de la carte ; par défaut celle de BOUNDARY, agrandie pour contenir tous les cercles.&lt;/li&gt;&lt;li&gt;&lt;b&gt;TITLE&lt;/b&gt;, &lt;b&gt;SUBTITLE&lt;/b&gt;, &lt;b&gt;MAP_NUMBER&lt;/b&gt;, &lt;b&gt;ATLAS_NAME&lt;/b&gt; : textes de la page ; par cluster, le sous-titre est le nom du cluster.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SPATIAL_LEVEL&lt;/b&gt;, &lt;b&gt;METHOD&lt;/b&gt;, &lt;b&gt;DATA_USED&lt;/b&gt;, &lt;b&gt;SOURCES&lt;/b&gt;, &lt;b&gt;AUTHORS&lt;/b&gt;, &lt;b&gt;CREDITS&lt;/b&gt; : le bloc latéral et la ligne sous la carte. Laissés vides, METHOD et DATA_USED décrivent ce que calcule l'extension, SOURCES est imprimé « à préciser » (avec un avertissement) et AUTHORS est omis. Un titre trop long pour une ligne est écrit plus petit.&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAGE_LANGUAGE&lt;/b&gt; : langue des libellés fixes de la page (français comme dans l'atlas, ou anglais).&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAX_SIZE&lt;/b&gt; : diamètre en mm du plus grand cercle ; toutes les pages utilisent la même échelle.&lt;/li&gt;&lt;li&gt;&lt;b&gt;DPI&lt;/b&gt; : résolution de la sortie PNG (et des parties rastérisées du PDF/SVG).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt; : le fichier ; le format vient de son extension (.pdf, .png, .svg). Un PDF contient toutes les pages ; PNG et SVG écrivent un fichier par page (nom.png, nom_2.png, ...).&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Sorties&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;OUTPUT&lt;/b&gt; : le fichier.&lt;/li&gt;&lt;li&gt;&lt;b&gt;FILES&lt;/b&gt; : tous les fichiers écrits (« ; »).&lt;/li&gt;&lt;li&gt;&lt;b&gt;PAGES&lt;/b&gt; : nombre de pages.&lt;/li&gt;&lt;li&gt;&lt;b&gt;MAP_EXTENT&lt;/b&gt; : emprise de la (première) carte en xmin,ymin,xmax,ymax et son SCR.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Méthode&lt;/h3&gt;&lt;p&gt;La surface des cercles est proportionnelle à l'emploi (diamètre = MAX_SIZE x racine(valeur / maximum)), les grands cercles sous les petits, légende des tailles en cercles emboîtés de valeurs rondes. Les clusters d'un même code postal sont décalés autour du point pour qu'aucun ne soit caché. Les couleurs des clusters sont stables d'une carte et d'une exécution à l'autre (palette lisible par les daltoniens, choisie à partir du nom normalisé du cluster).&lt;/p&gt;&lt;h3&gt;Exemple&lt;/h3&gt;&lt;p&gt;CIRCLES, ZONES et FIELD_MAP = les sorties de Emploi par code postal sur les données d'exemple, NETWORK = &lt;code&gt;sample_data/network_illustrative.gpkg&lt;/code&gt;, BOUNDARY = &lt;code&gt;sample_data/boundaries.gpkg&lt;/code&gt; (couche &lt;code&gt;wallonia&lt;/code&gt;), PER_CLUSTER = oui, TITLE = Les clusters technologiques, OUTPUT = &lt;code&gt;atlas.pdf&lt;/code&gt; : un PDF de 4 pages (PAGES = 4), une par cluster de l'exemple.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Runs the whole Cluster Atlas chain in one step, as the demo does: &lt;b&gt;Import cluster members&lt;/b&gt; (importmembers) &amp;rarr; &lt;b&gt;Employment per postal code&lt;/b&gt; (aggregatepostcodes, on a postcode points or zones layer you choose) &amp;rarr; &lt;b&gt;Network overlay&lt;/b&gt; (networkoverlay, only when a network layer is given) &amp;rarr; &lt;b&gt;Export atlas map&lt;/b&gt; (exportatlasmap, a PDF or PNG page). With a network the page is made after the overlay and its side block "Méthodo. et stat." states the overlay's measure (share of employment within the first distance of the network, share of the area, Spearman's rho); without one the page has no network and no such line.&lt;/p&gt;&lt;p&gt;Styling: no separate style step is needed. Each step styles its own layer outputs with the atlas symbology (circles with area proportional to employment, zone outlines, the overlay zones), applied when they are loaded in QGIS and stored as the default style of their GeoPackage, so they open styled also after a headless run; the page draws the circles by cluster, the network by class (copper, fibre, other: CLASS_FIELD and CLASS_MAP, as in the overlay), the zones and the region.&lt;/p&gt;&lt;p&gt;Every step keeps its own accounting: rows that cannot be used end in the rejects output, members whose postal code is not in the reference layer end in the unmatched output, and each step's log gives the totals. Open the model in the graphical modeller (Processing &amp;#9656; Models &amp;#9656; Open existing model, file resources/models/atlas_chain.model3 of the plugin) to change the settings it does not expose (fields detection, filters, page texts).&lt;/p&gt;&lt;h3&gt;Method&lt;/h3&gt;&lt;p&gt;The atlas method, step by step: each cluster's employment is summed per postal code, an entity counted once per cluster and once in the totals; circle areas are proportional to employment; the network figures are lengths of network inside each zone, distances from each zone to the network and the Spearman correlation between employment density and network density. Densities and the correlation need zones (polygons, e.g. from Postal zones from postcode points); with a points reference only distances to the network are measured.&lt;/p&gt;&lt;h3&gt;Example&lt;/h3&gt;&lt;p&gt;MEMBERS = &lt;code&gt;sample_data/members.csv&lt;/code&gt;, EMPLOYMENT_CEILING = 3000, POSTCODES = &lt;code&gt;sample_data/postcode_points.gpkg&lt;/code&gt; (layer &lt;code&gt;postcode_points&lt;/code&gt;), POSTCODE_FIELD = &lt;code&gt;postcode&lt;/code&gt;, NETWORK = &lt;code&gt;sample_data/network_illustrative.gpkg&lt;/code&gt;, CLASS_FIELD = &lt;code&gt;class&lt;/code&gt;, CLASS_MAP empty (the sample's classes are already copper/fibre), BOUNDARY = &lt;code&gt;sample_data/boundaries.gpkg&lt;/code&gt; (layer &lt;code&gt;wallonia&lt;/code&gt;), PER_CLUSTER = yes, EXPORT:PAGE = &lt;code&gt;atlas.pdf&lt;/code&gt;: a PDF of 4 pages, one per cluster; IMPORT:REJECTED holds the 3 rejected rows and AGGREGATE:UNMATCHED the Luxembourg member (LU-4365, employment 85).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Exécute toute la chaîne Cluster Atlas en une étape, comme la démo : &lt;b&gt;Importer les membres des clusters&lt;/b&gt; (importmembers) &amp;rarr; &lt;b&gt;Emploi par code postal&lt;/b&gt; (aggregatepostcodes, sur une couche de points ou de zones des codes postaux de votre choix) &amp;rarr; &lt;b&gt;Superposition au réseau&lt;/b&gt; (networkoverlay, seulement si une couche de réseau est donnée) &amp;rarr; &lt;b&gt;Exporter la carte d'atlas&lt;/b&gt; (exportatlasmap, une page PDF ou PNG). Avec un réseau, la page est faite après la superposition et son bloc latéral « Méthodo. et stat. » énonce la mesure de la superposition (part de l'emploi à la première distance du réseau, part de la surface, rho de Spearman) ; sans réseau, la page n'a ni réseau ni cette ligne.&lt;/p&gt;&lt;p&gt;Style : aucune étape de style séparée n'est nécessaire. Chaque étape donne à ses couches de sortie la symbologie de l'atlas (cercles de surface proportionnelle à l'emploi, contours des zones, zones de la superposition), appliquée quand elles sont chargées dans QGIS et enregistrée comme style par défaut de leur GeoPackage, de sorte qu'elles s'ouvrent stylées aussi après une exécution sans interface ; la page dessine les cercles par cluster, le réseau par classe (cuivre, fibre, autre : CLASS_FIELD et CLASS_MAP, comme dans la superposition), les zones et la région.&lt;/p&gt;&lt;p&gt;Chaque étape tient sa propre comptabilité : les lignes inutilisables aboutissent dans la sortie des rejets, les membres dont le code postal n'est pas dans la couche de référence dans la sortie des non appariés, et le journal de chaque étape donne les totaux. Ouvrez le modèle dans le modeleur graphique (Traitement &amp;#9656; Modèles &amp;#9656; Ouvrir un modèle existant, fichier resources/models/atlas_chain.model3 de l'extension) pour modifier les réglages qu'il n'expose pas (détection des champs, filtres, textes de la page).&lt;/p&gt;&lt;h3&gt;Méthode&lt;/h3&gt;&lt;p&gt;La méthode de l'atlas, étape par étape : l'emploi de chaque cluster est additionné par code postal, une entité comptée une fois par cluster et une fois dans les totaux ; la surface des cercles est proportionnelle à l'emploi ; les chiffres du réseau sont les longueurs de réseau dans chaque zone, les distances de chaque zone au réseau et la corrélation de Spearman entre densité d'emploi et densité du réseau. Les densités et la corrélation demandent des zones (polygones, p. ex. issus de Zones postales à partir des points des codes postaux) ; avec une référence de points, seules les distances au réseau sont mesurées.&lt;/p&gt;&lt;h3&gt;Exemple&lt;/h3&gt;&lt;p&gt;MEMBERS = &lt;code&gt;sample_data/members.csv&lt;/code&gt;, EMPLOYMENT_CEILING = 3000, POSTCODES = &lt;code&gt;sample_data/postcode_points.gpkg&lt;/code&gt; (couche &lt;code&gt;postcode_points&lt;/code&gt;), POSTCODE_FIELD = &lt;code&gt;postcode&lt;/code&gt;, NETWORK = &lt;code&gt;sample_data/network_illustrative.gpkg&lt;/code&gt;, CLASS_FIELD = &lt;code&gt;class&lt;/code&gt;, CLASS_MAP vide (les classes de l'exemple sont déjà copper/fibre), BOUNDARY = &lt;code&gt;sample_data/boundaries.gpkg&lt;/code&gt; (couche &lt;code&gt;wallonia&lt;/code&gt;), PER_CLUSTER = oui, EXPORT:PAGE = &lt;code&gt;atlas.pdf&lt;/code&gt; : un PDF de 4 pages, une par cluster ; IMPORT:REJECTED contient les 3 lignes rejetées et AGGREGATE:UNMATCHED le membre luxembourgeois (LU-4365, emploi 85).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Turns a cluster member list as it is received (CSV from Excel, XLSX/ODS workbook, GeoPackage or database table, project layer) into one clean &lt;b&gt;member table&lt;/b&gt;: one row per (entity, cluster) membership, with normalised postal codes, parsed employment and mapped entity kinds. Every input row ends either in the member table or in the rejects table, with the reason.&lt;/p&gt;
&lt;h3&gt;Method&lt;/h3&gt;
&lt;p&gt;The atlas counts, for each cluster, the employment of its member entities (companies, research and training centres, public bodies) placed by their postal code. The import builds the basis of that count: one row per (entity, cluster) membership, so that an entity in two clusters counts once in each; entities whose headcount does not reflect their activity in the cluster (a whole university, the worldwide staff of a bank) are left out with the employment ceiling or the exclusion list, as the atlas does; and nothing is lost silently: EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED.&lt;/p&gt;
&lt;h3&gt;Parameters&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Input member table&lt;/b&gt; (INPUT): a layer or table of the project, a file or a database table. CSV/TXT/TSV files and XLSX/ODS workbooks (also when loaded as project layers without a filter) are read directly: the encoding (UTF-8 with or without BOM, UTF-16 and UTF-32 such as Excel's "Unicode text", else Windows-1252), the separator (; , tab |) and the decimal mark are detected, and postal codes keep their leading zeros. A UTF-8 file with a few bytes of another encoding (an "é" typed in a Windows editor) stays UTF-8: only those bytes are read as Windows-1252, and their rows are flagged encoding_repaired and named in the log. The header is the first line naming known column names (titles above it name fewer); every line above it goes to the rejects (rule above_header). A header repeated further down (two exports pasted into one file) is rejected (rule repeated_header) and the rows below it are read with its own column names, matched by name or role (a new column is added). Blank rows between data rows are rejected as empty_row; blank rows after the last one are ignored (the log counts them). Columns without a header and without values (trailing separators) are dropped, a header-less column with values is called column_N, and a repeated column name gets " (2)" (the log says so).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Sheet&lt;/b&gt; (SHEET): workbook sheet, by name or 0-based number; empty = first sheet.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Name, Cluster, Kind, Postcode, Country, Employment, Entity id and Year fields&lt;/b&gt; (NAME_FIELD, CLUSTER_FIELD, KIND_FIELD, POSTCODE_FIELD, COUNTRY_FIELD, EMPLOYMENT_FIELD, ID_FIELD, YEAR_FIELD): all optional. Left empty, each is detected from French, Dutch or English headers (Nom/Naam/Name, Cluster(s)/Pôle, Type/Soort, Code postal/CP/Postcode, Pays/Land/Country, Effectif/Emploi/Werknemers/Employees, BCE/KBO/Id, Année/Jaar/Year); the log says which column was chosen. The name and postcode columns are required, the cluster column too unless a default cluster is given.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Default cluster&lt;/b&gt; (CLUSTER): cluster of rows whose cluster cell is empty, or of every row when there is no cluster column (a list of one cluster's members).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Default country&lt;/b&gt; (DEFAULT_COUNTRY): ISO code used when neither a country column nor a prefix (B-, L-, F-, NL-, D-) gives the country. Default BE.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Excluded entities&lt;/b&gt; (EXCLUDE): names or ids separated by ; or new lines, each optionally followed by @ and a cluster to exclude it from that cluster only, e.g. &lt;code&gt;UCLouvain; Delhaize @ Nutrition&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Exclusion table&lt;/b&gt; (EXCLUSIONS): a table with a name or id column, an optional cluster column (empty = every cluster) and an optional reason column.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Employment ceiling&lt;/b&gt; (EMPLOYMENT_CEILING): memberships of entities with a larger employment are excluded (the whole staff of a university, the worldwide headcount of a bank). 0 or empty = no ceiling.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Outlier share&lt;/b&gt; (OUTLIER_SHARE, advanced, default 0.5): warn when one entity holds more than this share of its cluster's employment (per year with a year column), among clusters with at least 5 entities of known employment; the warning names the entity, its row, the share, and what EXCLUDE=&lt;i&gt;name&lt;/i&gt; @ &lt;i&gt;cluster&lt;/i&gt; or an EMPLOYMENT_CEILING would leave the cluster. Nothing is removed. 0 = no warning.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Encoding&lt;/b&gt; and &lt;b&gt;Separator&lt;/b&gt; (ENCODING, SEPARATOR, advanced): force them when the detection is wrong. ENCODING is a Python codec name (utf-8, cp1252, utf-16, utf-32, latin-1...): it wins over the detection, and a name that is unknown, or that cannot decode the file, stops the run with the line concerned. SEPARATOR is one character (tab may be written tab).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Cluster separators&lt;/b&gt; (CLUSTER_SEPARATORS, advanced): the characters that always separate clusters in one cell (default &lt;code&gt;;|&lt;/code&gt;; line breaks in a cell separate too). &lt;code&gt;/&lt;/code&gt;, &lt;code&gt;,&lt;/code&gt;, &lt;code&gt;+&lt;/code&gt;, &lt;code&gt;&amp;amp;&lt;/code&gt; and the words &lt;i&gt;et&lt;/i&gt;, &lt;i&gt;en&lt;/i&gt;, &lt;i&gt;and&lt;/i&gt; separate only clusters each named on its own (see Rules); write one of them here to always split on it (e.g. &lt;code&gt;/;|&lt;/code&gt;). Empty = one cluster per cell. The former default &lt;code&gt;;,/|&lt;/code&gt;, still saved in older models, is read as the default (the log says so); to really always split on / and , write them in another order, e.g. &lt;code&gt;/,;|&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Known cluster names&lt;/b&gt; (CLUSTER_NAMES, advanced): cluster names separated by ; or new lines, known even when the table never names them on their own: "Transport/Logistique" is split when Transport and Logistique are listed here.&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Rules&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;Postal codes: B-1348, B 1348, BE-1348, 1348 Louvain-la-Neuve, 1400.0 all give the key BE-1348; L-4365 is Luxembourg (LU-4365). The country comes from the country column, else the prefix, else the default country. Digits of any script (full-width １３４８, Arabic-Indic ١٣٤٨) are read as 1348 first. Checked per country: BE 4 digits 1000-9999, LU 4 digits, FR 5 digits, NL 4 digits and 2 letters, DE 5 digits; anything else is rejected with the raw value.&lt;/li&gt;
&lt;li&gt;Employment: 1 250 and 1.250 (thousands), 12,5 (decimal comma), size classes such as 10-19 (midpoint 14.5, flagged as estimated), 500+ (lower bound, estimated), approximate values such as ca. 40, env. 40, ±40, +/- 40, ~40 or 4,5k (4500), kept and flagged as estimated. Empty, ?, or a word for unknown in French, Dutch, English or German (n.c., inconnu, n.b., onb., onbekend, n.v.t., n/a, unknown, k.A., unbekannt...) means unknown: the entity is kept with a NULL employment and the flag employment_unknown, never 0. Negative or unreadable values are rejected. An employment above 5,000,000 for one entity (more than the largest employer on earth: a typo, a turnover in the employment column, 1E+308, inf) is rejected with the rule implausible_employment and is counted in no total.&lt;/li&gt;
&lt;li&gt;Several clusters in one cell: &lt;code&gt;;&lt;/code&gt;, &lt;code&gt;|&lt;/code&gt; and line breaks always separate them. &lt;code&gt;/&lt;/code&gt;, &lt;code&gt;,&lt;/code&gt;, &lt;code&gt;+&lt;/code&gt;, &lt;code&gt;&amp;amp;&lt;/code&gt; and the words &lt;i&gt;et&lt;/i&gt;, &lt;i&gt;en&lt;/i&gt;, &lt;i&gt;and&lt;/i&gt; are also parts of real names ("Aéronautique/Spatial", "Logistique en Wallonie", "R&amp;amp;D"): a name is split on them only when every piece is a cluster named on its own in the same table (alone in a cell, or between ; or |), or is the default cluster, or is in CLUSTER_NAMES. "BioWin + TWEED" gives BioWin and TWEED when both appear alone elsewhere; "Transport/Logistique" stays one cluster when neither does. The log lists every name split this way and every name kept whole that contains such a character, with its number of rows (the first 20 of each, then how many more). Clusters are matched ignoring case, accents, spaces and punctuation ("aéronautique / spatial" = "Aéronautique/Spatial", "InfopôleTIC" = "Infopôle TIC", "Agro industrie" = "Agro-industrie") and shown as first written; cluster_key holds the folded name (&lt;code&gt;infopoletic&lt;/code&gt;). Two different names close enough to be one cluster mistyped (one letter added, missing, changed or two swapped in a name of 5 to 9 letters, two from 10 letters, numbers equal: "Skywin" and "Skywing", not "TWEED" and "TWIST" nor "Industrie 4.0" and "Industrie 5.0") stay apart, with a warning naming both spellings and their first rows, also returned in CLUSTER_WARNINGS.&lt;/li&gt;
&lt;li&gt;Kinds: labels in French, Dutch or English are mapped onto company, training, public and research (universities count as research); an unmapped label is kept and flagged.&lt;/li&gt;
&lt;li&gt;Duplicates: the same entity (id, else normalised name and postal code) twice in one cluster counts once; the later copy is rejected as "duplicate of row N". With a year column the year is part of the key: a list covering several years keeps one membership per entity, cluster and year (the same entity in the same cluster in 2021 and 2022 gives two), and only a second copy within one year is a duplicate. Aggregate such a table one year at a time (YEAR of &lt;i&gt;Employment per postal code&lt;/i&gt;).&lt;/li&gt;
&lt;li&gt;Total rows: a row whose name (or first cell) is Total, Totaal, Sous-total, Subtotaal, Somme... and whose postal code is empty or invalid is rejected with the rule total_row; its employment is not counted in any total (the log reports it).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Outputs&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Members&lt;/b&gt; (OUTPUT): geometry-less table, one row per membership: entity_id, name, cluster, cluster_key, kind, kind_label, country, postcode, pc_key (e.g. BE-1348, the join key of the other algorithms), employment, employment_estimated, employment_unknown, year, source_row (1-based data row below the header), source_line (the line of the file where the row starts, quoted line breaks counted, or the sheet row number: what a text editor or a spreadsheet shows; for a layer, the source_row), flags (employment_estimated, employment_unknown, encoding_repaired...).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Rejected&lt;/b&gt; (REJECTED): every line or membership not in the member table: source_row (empty for the lines above the header), source_line, reason (in the language of QGIS), rule (the stable code to filter on: above_header, repeated_header, empty_row, total_row, missing_name, invalid_postcode, invalid_employment, implausible_employment, missing_cluster, duplicate, excluded_list, excluded_ceiling), name, cluster, the raw postcode, country, employment and kind, the parsed employment when it was valid, and the whole input row as JSON.&lt;/li&gt;
&lt;li&gt;Statistics: ROWS_READ (the last source_row: data rows below the header, repeated headers and blank rows between data included, the lines above the header and the blank rows after the last data row not), MEMBERSHIPS, REJECTED_COUNT, ENTITIES, CLUSTERS, EMPLOYMENT_IN (valid employment of every membership read), EMPLOYMENT_OUT (in the member table), EMPLOYMENT_EXCLUDED (in the rejects; EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED), OUTLIER_COUNT and OUTLIERS (JSON: one object per outlier with entity_id, name, source_row, cluster, year, employment, share, cluster_employment, entities, after_exclude, ceiling, after_ceiling), REJECTED_BY_RULE, COLUMNS and CLUSTER_WARNINGS (JSON: pairs of similar cluster names, each {"clusters": [spelling, spelling], "keys": [...], "rows": [[first rows], [first rows]], "edits": n}).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Example&lt;/h3&gt;
&lt;p&gt;INPUT = &lt;code&gt;sample_data/members.csv&lt;/code&gt; (92 rows, columns &lt;i&gt;Nom;Cluster(s);Type;Code postal;Effectif&lt;/i&gt;), EMPLOYMENT_CEILING = 3000: 90 memberships of 85 entities in 4 clusters, and 3 rejected rows: row 89 (&lt;i&gt;Digi Sambre&lt;/i&gt;, postcode 13480: invalid_postcode), row 90 (&lt;i&gt;Log Brabant A1&lt;/i&gt; a second time: duplicate) and row 91 (&lt;i&gt;Université de Liège (ensemble)&lt;/i&gt;, 5600: excluded_ceiling); EMPLOYMENT_IN 17,727 = EMPLOYMENT_OUT 11,800 + EMPLOYMENT_EXCLUDED 5,927. The row &lt;i&gt;Softcom Brabant;"Infopôle cluster TIC; TWIST";Entreprise;B-1348;1 250&lt;/i&gt; gives two memberships (Infopôle cluster TIC and TWIST) at BE-1348 with an employment of 1250 each; &lt;i&gt;10-19&lt;/i&gt; gives 14.5 (employment_estimated) and &lt;i&gt;n.c.&lt;/i&gt; a NULL employment (employment_unknown).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Transforme une liste de membres de cluster telle qu'on la reçoit (CSV d'Excel, classeur XLSX/ODS, table GeoPackage ou de base de données, couche du projet) en une &lt;b&gt;table des membres&lt;/b&gt; propre : une ligne par appartenance (entité, cluster), avec des codes postaux normalisés, l'emploi interprété et les types d'entités reconnus. Chaque ligne d'entrée aboutit soit dans la table des membres, soit dans la table des rejets, avec la raison.&lt;/p&gt;
&lt;h3&gt;Méthode&lt;/h3&gt;
&lt;p&gt;L'atlas compte, pour chaque cluster, l'emploi de ses entités membres (entreprises, centres de recherche et de formation, organismes publics) placées par leur code postal. L'importation construit la base de ce décompte : une ligne par appartenance (entité, cluster), de sorte qu'une entité membre de deux clusters compte une fois dans chacun ; les entités dont l'effectif ne reflète pas l'activité dans le cluster (toute une université, l'effectif mondial d'une banque) sont écartées par le plafond d'emploi ou la liste d'exclusion, comme le fait l'atlas ; et rien ne se perd en silence : EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED.&lt;/p&gt;
&lt;h3&gt;Paramètres&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Table des membres en entrée&lt;/b&gt; (INPUT) : une couche ou table du projet, un fichier ou une table de base de données. Les fichiers CSV/TXT/TSV et les classeurs XLSX/ODS (aussi chargés comme couches du projet sans filtre) sont lus directement : l'encodage (UTF-8 avec ou sans BOM, UTF-16 et UTF-32 comme le « Texte Unicode » d'Excel, sinon Windows-1252), le séparateur (; , tab |) et la marque décimale sont détectés, et les codes postaux gardent leurs zéros initiaux. Un fichier UTF-8 contenant quelques octets d'un autre encodage (un « é » tapé dans un éditeur Windows) reste lu en UTF-8 : seuls ces octets sont lus en Windows-1252, et leurs lignes sont marquées encoding_repaired et nommées dans le journal. L'en-tête est la première ligne qui nomme des noms de colonnes connus (les titres au-dessus en nomment moins) ; chaque ligne au-dessus va dans les rejets (règle above_header). Un en-tête répété plus bas (deux exports collés dans un fichier) est rejeté (règle repeated_header) et les lignes en dessous sont lues avec ses propres noms de colonnes, associés par nom ou par rôle (une nouvelle colonne est ajoutée). Les lignes vides entre des lignes de données sont rejetées comme empty_row ; les lignes vides après la dernière sont ignorées (le journal les compte). Les colonnes sans en-tête ni valeur (séparateurs en fin de ligne) sont supprimées, une colonne sans en-tête avec des valeurs s'appelle column_N, et un nom de colonne répété reçoit « (2) » (le journal le dit).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Feuille&lt;/b&gt; (SHEET) : feuille du classeur, par nom ou numéro à partir de 0 ; vide = première feuille.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Champs nom, cluster, type, code postal, pays, emploi, identifiant et année&lt;/b&gt; (NAME_FIELD, CLUSTER_FIELD, KIND_FIELD, POSTCODE_FIELD, COUNTRY_FIELD, EMPLOYMENT_FIELD, ID_FIELD, YEAR_FIELD) : tous facultatifs. Laissés vides, ils sont détectés d'après les en-têtes français, néerlandais ou anglais (Nom/Naam/Name, Cluster(s)/Pôle, Type/Soort, Code postal/CP/Postcode, Pays/Land/Country, Effectif/Emploi/Werknemers/Employees, BCE/KBO/Id, Année/Jaar/Year) ; le journal indique quelle colonne a été choisie. Les colonnes du nom et du code postal sont obligatoires, celle du cluster aussi sauf si un cluster par défaut est donné.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Cluster par défaut&lt;/b&gt; (CLUSTER) : cluster des lignes dont la cellule cluster est vide, ou de toutes les lignes s'il n'y a pas de colonne cluster (liste des membres d'un seul cluster).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Pays par défaut&lt;/b&gt; (DEFAULT_COUNTRY) : code ISO utilisé quand ni une colonne pays ni un préfixe (B-, L-, F-, NL-, D-) ne donnent le pays. BE par défaut.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Entités exclues&lt;/b&gt; (EXCLUDE) : noms ou identifiants séparés par ; ou des retours à la ligne, chacun éventuellement suivi de @ et d'un cluster pour ne l'exclure que de ce cluster, p. ex. &lt;code&gt;UCLouvain; Delhaize @ Nutrition&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Table d'exclusion&lt;/b&gt; (EXCLUSIONS) : une table avec une colonne nom ou identifiant, une colonne cluster facultative (vide = tous les clusters) et une colonne raison facultative.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Plafond d'emploi&lt;/b&gt; (EMPLOYMENT_CEILING) : les appartenances des entités dont l'emploi est plus grand sont exclues (tout le personnel d'une université, l'effectif mondial d'une banque). 0 ou vide = pas de plafond.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Part extrême&lt;/b&gt; (OUTLIER_SHARE, avancé, 0,5 par défaut) : avertit quand une entité détient plus que cette part de l'emploi de son cluster (par année avec une colonne d'année), parmi les clusters d'au moins 5 entités à l'emploi connu ; l'avertissement nomme l'entité, sa ligne, la part, et ce que EXCLUDE=&lt;i&gt;nom&lt;/i&gt; @ &lt;i&gt;cluster&lt;/i&gt; ou un EMPLOYMENT_CEILING laisserait au cluster. Rien n'est retiré. 0 = pas d'avertissement.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Encodage&lt;/b&gt; et &lt;b&gt;Séparateur&lt;/b&gt; (ENCODING, SEPARATOR, avancés) : à imposer quand la détection se trompe. ENCODING est un nom de codec Python (utf-8, cp1252, utf-16, utf-32, latin-1...) : il l'emporte sur la détection, et un nom inconnu, ou qui ne décode pas le fichier, arrête l'exécution en nommant la ligne concernée. SEPARATOR est un seul caractère (tab peut s'écrire tab).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Séparateurs de clusters&lt;/b&gt; (CLUSTER_SEPARATORS, avancé) : les caractères qui séparent toujours les clusters d'une cellule (par défaut &lt;code&gt;;|&lt;/code&gt; ; les retours à la ligne dans une cellule séparent aussi). &lt;code&gt;/&lt;/code&gt;, &lt;code&gt;,&lt;/code&gt;, &lt;code&gt;+&lt;/code&gt;, &lt;code&gt;&amp;amp;&lt;/code&gt; et les mots &lt;i&gt;et&lt;/i&gt;, &lt;i&gt;en&lt;/i&gt;, &lt;i&gt;and&lt;/i&gt; ne séparent que des clusters nommés chacun seul (voir Règles) ; écrivez l'un d'eux ici pour toujours séparer sur lui (p. ex. &lt;code&gt;/;|&lt;/code&gt;). Vide = un seul cluster par cellule. L'ancienne valeur par défaut &lt;code&gt;;,/|&lt;/code&gt;, encore enregistrée dans d'anciens modèles, est lue comme la valeur par défaut (le journal le signale) ; pour vraiment toujours séparer sur / et , écrivez-les dans un autre ordre, p. ex. &lt;code&gt;/,;|&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Noms de clusters connus&lt;/b&gt; (CLUSTER_NAMES, avancé) : noms de clusters séparés par ; ou des retours à la ligne, connus même si la table ne les nomme jamais seuls : « Transport/Logistique » est séparé quand Transport et Logistique sont listés ici.&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Règles&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;Codes postaux : B-1348, B 1348, BE-1348, 1348 Louvain-la-Neuve, 1400.0 donnent tous la clé BE-1348 ; L-4365 est au Luxembourg (LU-4365). Le pays vient de la colonne pays, sinon du préfixe, sinon du pays par défaut. Les chiffres de toute écriture (pleine chasse １３４８, arabes ١٣٤٨) sont d'abord lus comme 1348. Contrôle par pays : BE 4 chiffres 1000-9999, LU 4 chiffres, FR 5 chiffres, NL 4 chiffres et 2 lettres, DE 5 chiffres ; tout le reste est rejeté avec la valeur brute.&lt;/li&gt;
&lt;li&gt;Emploi : 1 250 et 1.250 (milliers), 12,5 (virgule décimale), classes de taille comme 10-19 (milieu 14,5, signalé comme estimé), 500+ (borne inférieure, estimé), valeurs approchées comme ca. 40, env. 40, ±40, +/- 40, ~40 ou 4,5k (4500), gardées et signalées comme estimées. Vide, ?, ou un mot pour inconnu en français, néerlandais, anglais ou allemand (n.c., inconnu, n.b., onb., onbekend, n.v.t., n/a, unknown, k.A., unbekannt...) signifie inconnu : l'entité est gardée avec un emploi NULL et le drapeau employment_unknown, jamais 0. Les valeurs négatives ou illisibles sont rejetées. Un emploi au-delà de 5 000 000 pour une entité (plus que le plus grand employeur du monde : une faute de frappe, un chiffre d'affaires dans la colonne d'emploi, 1E+308, inf) est rejeté avec la règle implausible_employment et n'est compté dans aucun total.&lt;/li&gt;
&lt;li&gt;Plusieurs clusters dans une cellule : &lt;code&gt;;&lt;/code&gt;, &lt;code&gt;|&lt;/code&gt; et les retours à la ligne les séparent toujours. &lt;code&gt;/&lt;/code&gt;, &lt;code&gt;,&lt;/code&gt;, &lt;code&gt;+&lt;/code&gt;, &lt;code&gt;&amp;amp;&lt;/code&gt; et les mots &lt;i&gt;et&lt;/i&gt;, &lt;i&gt;en&lt;/i&gt;, &lt;i&gt;and&lt;/i&gt; font aussi partie de vrais noms (« Aéronautique/Spatial », « Logistique en Wallonie », « R&amp;amp;D ») : un nom n'est séparé sur eux que si chaque morceau est un cluster nommé seul dans la même table (seul dans une cellule, ou entre ; ou |), ou est le cluster par défaut, ou figure dans CLUSTER_NAMES. « BioWin + TWEED » donne BioWin et TWEED quand les deux apparaissent seuls ailleurs ; « Transport/Logistique » reste un seul cluster quand aucun des deux n'apparaît seul. Le journal liste chaque nom ainsi séparé et chaque nom gardé entier qui contient un tel caractère, avec son nombre de lignes (les 20 premiers de chaque sorte, puis combien d'autres). Les clusters sont comparés sans tenir compte de la casse, des accents, des espaces et de la ponctuation (« aéronautique / spatial » = « Aéronautique/Spatial », « InfopôleTIC » = « Infopôle TIC », « Agro industrie » = « Agro-industrie ») et affichés tels qu'écrits la première fois ; cluster_key contient le nom replié (&lt;code&gt;infopoletic&lt;/code&gt;). Deux noms différents assez proches pour être un même cluster mal tapé (une lettre ajoutée, manquante, changée ou deux lettres inversées dans un nom de 5 à 9 lettres, deux à partir de 10 lettres, nombres identiques : « Skywin » et « Skywing », pas « TWEED » et « TWIST » ni « Industrie 4.0 » et « Industrie 5.0 ») restent séparés, avec un avertissement qui donne les deux écritures et leurs premières lignes, aussi renvoyé dans CLUSTER_WARNINGS.&lt;/li&gt;
&lt;li&gt;Types : les libellés français, néerlandais ou anglais sont ramenés à company (entreprise), training (formation), public et research (R&amp;amp;D ; les universités comptent comme R&amp;amp;D) ; un libellé non reconnu est gardé et signalé.&lt;/li&gt;
&lt;li&gt;Doublons : la même entité (identifiant, sinon nom normalisé et code postal) deux fois dans un cluster ne compte qu'une fois ; la copie suivante est rejetée comme « duplicate of row N » (doublon de la ligne N). Avec une colonne année, l'année fait partie de la clé : une liste couvrant plusieurs années garde une appartenance par entité, cluster et année (la même entité dans le même cluster en 2021 et en 2022 en donne deux), et seule une seconde copie dans la même année est un doublon. Agrégez une telle table une année à la fois (YEAR de &lt;i&gt;Emploi par code postal&lt;/i&gt;).&lt;/li&gt;
&lt;li&gt;Lignes de total : une ligne dont le nom (ou la première cellule) est Total, Totaal, Sous-total, Subtotaal, Somme... et dont le code postal est vide ou invalide est rejetée avec la règle total_row ; son emploi n'est compté dans aucun total (le journal le signale).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Sorties&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Membres&lt;/b&gt; (OUTPUT) : table sans géométrie, une ligne par appartenance : entity_id, name, cluster, cluster_key, kind, kind_label, country, postcode, pc_key (p. ex. BE-1348, la clé de jointure des autres algorithmes), employment, employment_estimated, employment_unknown, year, source_row (ligne de données à partir de 1 sous l'en-tête), source_line (la ligne du fichier où commence la ligne, sauts de ligne entre guillemets comptés, ou le numéro de ligne de la feuille : ce qu'affiche un éditeur de texte ou un tableur ; pour une couche, source_row), flags (employment_estimated, employment_unknown, encoding_repaired...).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Rejets&lt;/b&gt; (REJECTED) : chaque ligne ou appartenance absente de la table des membres : source_row (vide pour les lignes au-dessus de l'en-tête), source_line, reason (dans la langue de QGIS), rule (le code stable sur lequel filtrer : above_header, repeated_header, empty_row, total_row, missing_name, invalid_postcode, invalid_employment, implausible_employment, missing_cluster, duplicate, excluded_list, excluded_ceiling), name, cluster, le code postal, le pays, l'emploi et le type bruts, l'emploi interprété quand il était valide, et toute la ligne d'entrée en JSON.&lt;/li&gt;
&lt;li&gt;Statistiques : ROWS_READ (le dernier source_row : les lignes de données sous l'en-tête, en-têtes répétés et lignes vides entre données compris, sans les lignes au-dessus de l'en-tête ni les lignes vides après la dernière ligne de données), MEMBERSHIPS, REJECTED_COUNT, ENTITIES, CLUSTERS, EMPLOYMENT_IN (emploi valide de toutes les appartenances lues), EMPLOYMENT_OUT (dans la table des membres), EMPLOYMENT_EXCLUDED (dans les rejets ; EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED), OUTLIER_COUNT et OUTLIERS (JSON : un objet par valeur extrême avec entity_id, name, source_row, cluster, year, employment, share, cluster_employment, entities, after_exclude, ceiling, after_ceiling), REJECTED_BY_RULE, COLUMNS et CLUSTER_WARNINGS (JSON : paires de noms de clusters semblables, chacune {"clusters": [écriture, écriture], "keys": [...], "rows": [[premières lignes], [premières lignes]], "edits": n}).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Exemple&lt;/h3&gt;
&lt;p&gt;INPUT = &lt;code&gt;sample_data/members.csv&lt;/code&gt; (92 lignes, colonnes &lt;i&gt;Nom;Cluster(s);Type;Code postal;Effectif&lt;/i&gt;), EMPLOYMENT_CEILING = 3000 : 90 appartenances de 85 entités dans 4 clusters, et 3 lignes rejetées : la ligne 89 (&lt;i&gt;Digi Sambre&lt;/i&gt;, code postal 13480 : invalid_postcode), la ligne 90 (&lt;i&gt;Log Brabant A1&lt;/i&gt; une seconde fois : duplicate) et la ligne 91 (&lt;i&gt;Université de Liège (ensemble)&lt;/i&gt;, 5600 : excluded_ceiling) ; EMPLOYMENT_IN 17 727 = EMPLOYMENT_OUT 11 800 + EMPLOYMENT_EXCLUDED 5 927. La ligne &lt;i&gt;Softcom Brabant;"Infopôle cluster TIC; TWIST";Entreprise;B-1348;1 250&lt;/i&gt; donne deux appartenances (Infopôle cluster TIC et TWIST) à BE-1348 avec un emploi de 1250 chacune ; &lt;i&gt;10-19&lt;/i&gt; donne 14,5 (employment_estimated) et &lt;i&gt;n.c.&lt;/i&gt; un emploi NULL (employment_unknown).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Turns the member table of &lt;i&gt;Import cluster members&lt;/i&gt; into the atlas' statistical layer: employment per postal code, per cluster and per entity kind, on the geometry of a postal-code reference layer (polygons or points).&lt;/p&gt;
&lt;h3&gt;Method&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;Member postcodes and the reference layer's codes are normalised with the same rules as the import (&lt;code&gt;1348&lt;/code&gt;, &lt;code&gt;B-1348&lt;/code&gt; and &lt;code&gt;1348.0&lt;/code&gt; are &lt;code&gt;BE-1348&lt;/code&gt;); the join key is &lt;code&gt;pc_key&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;An entity that belongs to several clusters counts in each of its clusters' fields but &lt;b&gt;once&lt;/b&gt; in the totals &lt;code&gt;employment&lt;/code&gt; and &lt;code&gt;entities&lt;/code&gt;. Unknown employment adds 0 but the entity is counted (&lt;code&gt;n_unknown&lt;/code&gt;); estimated employment (from a size class) is counted in &lt;code&gt;n_estimated&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;Member postcodes absent from the reference layer (or without a valid code) are never dropped: they go to UNMATCHED with their employment, and the log gives the amount. Employment in OUTPUT plus UNMATCHED equals the member table's employment (each entity once).&lt;/li&gt;
&lt;li&gt;Reference geometries are checked: an EMPTY geometry counts as none (like NULL); an invalid polygon (self-intersection, overlapping parts) is repaired with makeValid and its polygonal part is used (zone, circle on its point on surface, area); when nothing polygonal is left the feature has no geometry. A postal code left without geometry is no zone: its members go to UNMATCHED with the reason &lt;i&gt;postcode without usable geometry in the reference layer&lt;/i&gt;. The log names each such feature (feature id and code), whatever Processing's invalid-geometry setting.&lt;/li&gt;
&lt;li&gt;Head-office effect: with a sites table, each listed entity's employment is shared among its sites in proportion to their weight (equal shares without weights), conserving its total. In every case &lt;code&gt;dominant_share&lt;/code&gt; is the share of the zone's employment held by its largest entity and &lt;code&gt;dominant_flag&lt;/code&gt; marks zones above the threshold.&lt;/li&gt;
&lt;li&gt;Population: a population field of the reference layer, or a population layer/table. With a postcode &amp;rarr; municipality table, a municipality's population is shared among the codes the table lists in it, in proportion to each code's zone area (polygons) or equally (points); a code listed in k municipalities brings 1/k of its area to each. Without a table, the population table's ids are postal codes. &lt;code&gt;emp_per_1000&lt;/code&gt; = employment per 1,000 inhabitants; &lt;code&gt;lq_&amp;lt;c&amp;gt;&lt;/code&gt; = (zone's share of the cluster's employment) / (zone's share of the population), over the zones with population: below 1 the cluster is under-represented compared with population.&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Field names&lt;/h3&gt;
&lt;p&gt;Per-cluster fields are named from a slug of the cluster name: ASCII, lower case, at most 20 characters, unique and stable (the same name always gives the same slug; long or colliding names end with a short hash). The slug &amp;rarr; cluster map is written to the log and returned as FIELD_MAP (JSON). Example: &lt;code&gt;Éco-construction&lt;/code&gt; gives &lt;code&gt;emp_eco_construction&lt;/code&gt;, &lt;code&gt;n_eco_construction&lt;/code&gt;, &lt;code&gt;share_eco_construction&lt;/code&gt;.&lt;/p&gt;
&lt;h3&gt;Parameters&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Member table&lt;/b&gt; (MEMBERS): OUTPUT of the import (fields &lt;code&gt;entity_id, name, cluster, cluster_key, kind, pc_key, employment, employment_estimated, employment_unknown, year&lt;/code&gt;); a table with at least &lt;code&gt;cluster&lt;/code&gt;, &lt;code&gt;postcode&lt;/code&gt; and &lt;code&gt;employment&lt;/code&gt; also works.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Postal-code reference layer&lt;/b&gt; (POSTCODES), its &lt;b&gt;postcode field&lt;/b&gt; (POSTCODE_FIELD), optional &lt;b&gt;country field&lt;/b&gt; (COUNTRY_FIELD) and the &lt;b&gt;default country&lt;/b&gt; (DEFAULT_COUNTRY, default BE).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Layout&lt;/b&gt; (LAYOUT): &lt;code&gt;wide&lt;/code&gt; (one row per postal code, one column per cluster/kind, for maps) or &lt;code&gt;long&lt;/code&gt; (one row per postal code &amp;times; cluster &amp;times; kind with &lt;code&gt;employment&lt;/code&gt;, &lt;code&gt;entities&lt;/code&gt;, for charts and models).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Clusters&lt;/b&gt; (CLUSTERS), &lt;b&gt;kinds&lt;/b&gt; (KINDS): optional filters, names separated by ';' (or ',' when there is no ';'; case and accents ignored); &lt;b&gt;year&lt;/b&gt; (YEAR): optional, keeps rows of that year only. Required when the member table holds several years (an import of a list with a year column keeps one membership per entity, cluster and year): the run stops and names the years, since an entity counts once per zone and years must never be added up or mixed.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Population field of the reference layer&lt;/b&gt; (POSTCODE_POPULATION_FIELD), or &lt;b&gt;population layer&lt;/b&gt; (POPULATION) with its &lt;b&gt;id field&lt;/b&gt; (POPULATION_ID_FIELD) and &lt;b&gt;population field&lt;/b&gt; (POPULATION_FIELD); &lt;b&gt;postcode &amp;rarr; municipality table&lt;/b&gt; (LOOKUP, LOOKUP_POSTCODE_FIELD, LOOKUP_MUNICIPALITY_FIELD) when the population is per municipality.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Sites table&lt;/b&gt; (SITES): entity (SITES_ENTITY_FIELD: entity_id or name), site postcode (SITES_POSTCODE_FIELD, optional SITES_COUNTRY_FIELD) and optional weight or headcount (SITES_WEIGHT_FIELD).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Dominant entity threshold&lt;/b&gt; (DOMINANT_SHARE, 0-1, default 0.5).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Outputs&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Zones&lt;/b&gt; (OUTPUT): polygons when the reference has polygons (styled as plain outlines), else points (styled as proportional circles, like CIRCLES). Wide: every reference code with &lt;code&gt;pc_key, country, postcode, employment, entities, emp_&amp;lt;c&amp;gt;, n_&amp;lt;c&amp;gt;, share_&amp;lt;c&amp;gt;&lt;/code&gt; (percent of the cluster's total employment), &lt;code&gt;emp_k_&amp;lt;kind&amp;gt;, n_k_&amp;lt;kind&amp;gt;, n_estimated, n_unknown, dominant_share, dominant_flag, dominant_entity&lt;/code&gt; and, with population, &lt;code&gt;population, emp_per_1000, lq_&amp;lt;c&amp;gt;&lt;/code&gt;. Long: the rows with members.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Circles&lt;/b&gt; (CIRCLES): the same attributes on a point inside each zone (the reference point for point layers), only for codes with members; styled as proportional circles.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Unmatched&lt;/b&gt; (UNMATCHED): one row per unmatched postal code &amp;times; entity with its employment (once), clusters, source rows and reason.&lt;/li&gt;
&lt;li&gt;Numbers EMPLOYMENT_TOTAL, EMPLOYMENT_MATCHED, EMPLOYMENT_UNMATCHED, ZONES (codes with members), ENTITIES, and FIELD_MAP (JSON text).&lt;/li&gt;
&lt;li&gt;Population accounting (empty without population): POPULATION_TOTAL (the population input's total), POPULATION_ALLOCATED (placed on the zones) and POPULATION_UNALLOCATED (the rest: invalid codes, codes absent from the reference, municipalities without a code of the reference); TOTAL = ALLOCATED + UNALLOCATED.&lt;/li&gt;
&lt;li&gt;Sites accounting: SITES_USED and SITES_REJECTED (site rows), SITES_REJECTED_BY_RULE (JSON: &lt;code&gt;invalid_postcode&lt;/code&gt;, &lt;code&gt;negative_weight&lt;/code&gt;, &lt;code&gt;unknown_entity&lt;/code&gt;, &lt;code&gt;zero_weight&lt;/code&gt;).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Example&lt;/h3&gt;
&lt;p&gt;MEMBERS = the import of &lt;code&gt;sample_data/members.csv&lt;/code&gt; (EMPLOYMENT_CEILING = 3000), POSTCODES = the Postal zones from postcode points of &lt;code&gt;sample_data/postcode_points.gpkg&lt;/code&gt;, POSTCODE_FIELD = &lt;code&gt;postcode&lt;/code&gt;: EMPLOYMENT_TOTAL 10,163 (each of the 85 entities once, also the 5 in both TIC and TWIST) = EMPLOYMENT_MATCHED 10,078 in 29 zones + EMPLOYMENT_UNMATCHED 85 (&lt;i&gt;Trans Lux Logistics&lt;/i&gt;, LU-4365, not in the Belgian reference); the largest circle is BE-1348 with 1,796. On the full data: POSTCODES = &lt;code&gt;be_postcode_zones_voronoi.gpkg&lt;/code&gt; (field &lt;code&gt;postcode&lt;/code&gt;), POPULATION = &lt;code&gt;be_municipalities_2020_population.gpkg&lt;/code&gt; (&lt;code&gt;nis&lt;/code&gt;, &lt;code&gt;population&lt;/code&gt;) with LOOKUP = &lt;code&gt;be_localities_postcode_nis_2013.csv&lt;/code&gt; (&lt;code&gt;zipCode&lt;/code&gt;, &lt;code&gt;nisCode&lt;/code&gt;): a zone layer with employment per cluster, per 1,000 inhabitants and location quotients, and circles ready for the atlas map.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Transforme la table des membres de &lt;i&gt;Importer les membres des clusters&lt;/i&gt; en couche statistique de l'atlas : emploi par code postal, par cluster et par type d'entité, sur la géométrie d'une couche de référence des codes postaux (polygones ou points).&lt;/p&gt;
&lt;h3&gt;Méthode&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;Les codes postaux des membres et ceux de la couche de référence sont normalisés avec les mêmes règles qu'à l'importation (&lt;code&gt;1348&lt;/code&gt;, &lt;code&gt;B-1348&lt;/code&gt; et &lt;code&gt;1348.0&lt;/code&gt; sont &lt;code&gt;BE-1348&lt;/code&gt;) ; la clé de jointure est &lt;code&gt;pc_key&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;Une entité membre de plusieurs clusters compte dans les champs de chacun de ses clusters mais &lt;b&gt;une seule fois&lt;/b&gt; dans les totaux &lt;code&gt;employment&lt;/code&gt; et &lt;code&gt;entities&lt;/code&gt;. Un emploi inconnu ajoute 0 mais l'entité est comptée (&lt;code&gt;n_unknown&lt;/code&gt;) ; un emploi estimé (à partir d'une classe de taille) est compté dans &lt;code&gt;n_estimated&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;Les codes postaux des membres absents de la couche de référence (ou sans code valide) ne sont jamais écartés : ils vont dans UNMATCHED avec leur emploi, et le journal en donne le montant. L'emploi de OUTPUT plus celui de UNMATCHED égale l'emploi de la table des membres (chaque entité une fois).&lt;/li&gt;
&lt;li&gt;Les géométries de référence sont vérifiées : une géométrie vide (EMPTY) compte comme absente (comme NULL) ; un polygone invalide (auto-intersection, parties qui se chevauchent) est réparé par makeValid et sa partie surfacique est utilisée (zone, cercle sur son point sur la surface, superficie) ; s'il n'en reste aucune surface, l'entité est sans géométrie. Un code postal resté sans géométrie n'est pas une zone : ses membres vont dans UNMATCHED avec la raison &lt;i&gt;postcode without usable geometry in the reference layer&lt;/i&gt;. Le journal nomme chacune de ces entités (identifiant et code), quel que soit le réglage des géométries invalides de Processing.&lt;/li&gt;
&lt;li&gt;Effet siège social : avec une table des sites, l'emploi de chaque entité listée est réparti entre ses sites en proportion de leur poids (parts égales sans poids), en conservant son total. Dans tous les cas, &lt;code&gt;dominant_share&lt;/code&gt; est la part de l'emploi de la zone détenue par sa plus grande entité et &lt;code&gt;dominant_flag&lt;/code&gt; marque les zones au-dessus du seuil.&lt;/li&gt;
&lt;li&gt;Population : un champ de population de la couche de référence, ou une couche/table de population. Avec une table code postal &amp;rarr; commune, la population d'une commune est répartie entre les codes que la table y liste, en proportion de la surface de la zone de chaque code (polygones) ou à parts égales (points) ; un code listé dans k communes apporte 1/k de sa surface à chacune. Sans table, les identifiants de la table de population sont des codes postaux. &lt;code&gt;emp_per_1000&lt;/code&gt; = emploi pour 1 000 habitants ; &lt;code&gt;lq_&amp;lt;c&amp;gt;&lt;/code&gt; = (part de la zone dans l'emploi du cluster) / (part de la zone dans la population), sur les zones ayant une population : sous 1, le cluster est sous-représenté par rapport à la population.&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Noms des champs&lt;/h3&gt;
&lt;p&gt;Les champs par cluster sont nommés d'après un slug du nom du cluster : ASCII, minuscules, au plus 20 caractères, unique et stable (le même nom donne toujours le même slug ; les noms longs ou en collision se terminent par un court hachage). La correspondance slug &amp;rarr; cluster est écrite dans le journal et renvoyée dans FIELD_MAP (JSON). Exemple : &lt;code&gt;Éco-construction&lt;/code&gt; donne &lt;code&gt;emp_eco_construction&lt;/code&gt;, &lt;code&gt;n_eco_construction&lt;/code&gt;, &lt;code&gt;share_eco_construction&lt;/code&gt;.&lt;/p&gt;
&lt;h3&gt;Paramètres&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Table des membres&lt;/b&gt; (MEMBERS) : OUTPUT de l'importation (champs &lt;code&gt;entity_id, name, cluster, cluster_key, kind, pc_key, employment, employment_estimated, employment_unknown, year&lt;/code&gt;) ; une table ayant au moins &lt;code&gt;cluster&lt;/code&gt;, &lt;code&gt;postcode&lt;/code&gt; et &lt;code&gt;employment&lt;/code&gt; convient aussi.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Couche de référence des codes postaux&lt;/b&gt; (POSTCODES), son &lt;b&gt;champ du code postal&lt;/b&gt; (POSTCODE_FIELD), son &lt;b&gt;champ du pays&lt;/b&gt; facultatif (COUNTRY_FIELD) et le &lt;b&gt;pays par défaut&lt;/b&gt; (DEFAULT_COUNTRY, BE par défaut).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Disposition&lt;/b&gt; (LAYOUT) : &lt;code&gt;wide&lt;/code&gt; (une ligne par code postal, une colonne par cluster/type, pour les cartes) ou &lt;code&gt;long&lt;/code&gt; (une ligne par code postal &amp;times; cluster &amp;times; type avec &lt;code&gt;employment&lt;/code&gt;, &lt;code&gt;entities&lt;/code&gt;, pour les graphiques et les modèles).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Clusters&lt;/b&gt; (CLUSTERS), &lt;b&gt;types&lt;/b&gt; (KINDS) : filtres facultatifs, noms séparés par « ; » (ou « , » en l'absence de « ; » ; casse et accents ignorés) ; &lt;b&gt;année&lt;/b&gt; (YEAR) : facultative, ne garde que les lignes de cette année. Obligatoire lorsque la table des membres contient plusieurs années (l'importation d'une liste avec une colonne année garde une appartenance par entité, cluster et année) : l'exécution s'arrête et nomme les années, car une entité compte une fois par zone et les années ne doivent jamais être additionnées ni mélangées.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Champ de population de la couche de référence&lt;/b&gt; (POSTCODE_POPULATION_FIELD), ou &lt;b&gt;couche de population&lt;/b&gt; (POPULATION) avec son &lt;b&gt;champ identifiant&lt;/b&gt; (POPULATION_ID_FIELD) et son &lt;b&gt;champ de population&lt;/b&gt; (POPULATION_FIELD) ; &lt;b&gt;table code postal &amp;rarr; commune&lt;/b&gt; (LOOKUP, LOOKUP_POSTCODE_FIELD, LOOKUP_MUNICIPALITY_FIELD) lorsque la population est par commune.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Table des sites&lt;/b&gt; (SITES) : entité (SITES_ENTITY_FIELD : entity_id ou nom), code postal du site (SITES_POSTCODE_FIELD, SITES_COUNTRY_FIELD facultatif) et poids ou effectif facultatif (SITES_WEIGHT_FIELD).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Seuil d'entité dominante&lt;/b&gt; (DOMINANT_SHARE, 0-1, 0,5 par défaut).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Sorties&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Zones&lt;/b&gt; (OUTPUT) : polygones si la référence a des polygones (stylés en simples contours), sinon points (stylés en cercles proportionnels, comme CIRCLES). Wide : chaque code de référence avec &lt;code&gt;pc_key, country, postcode, employment, entities, emp_&amp;lt;c&amp;gt;, n_&amp;lt;c&amp;gt;, share_&amp;lt;c&amp;gt;&lt;/code&gt; (pour cent de l'emploi total du cluster), &lt;code&gt;emp_k_&amp;lt;kind&amp;gt;, n_k_&amp;lt;kind&amp;gt;, n_estimated, n_unknown, dominant_share, dominant_flag, dominant_entity&lt;/code&gt; et, avec une population, &lt;code&gt;population, emp_per_1000, lq_&amp;lt;c&amp;gt;&lt;/code&gt;. Long : les lignes ayant des membres.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Cercles&lt;/b&gt; (CIRCLES) : les mêmes attributs sur un point à l'intérieur de chaque zone (le point de référence pour les couches de points), seulement pour les codes ayant des membres ; stylés en cercles proportionnels.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Non appariés&lt;/b&gt; (UNMATCHED) : une ligne par code postal non apparié &amp;times; entité avec son emploi (une fois), ses clusters, ses lignes sources et la raison.&lt;/li&gt;
&lt;li&gt;Nombres EMPLOYMENT_TOTAL, EMPLOYMENT_MATCHED, EMPLOYMENT_UNMATCHED, ZONES (codes ayant des membres), ENTITIES, et FIELD_MAP (texte JSON).&lt;/li&gt;
&lt;li&gt;Bilan de la population (vide sans population) : POPULATION_TOTAL (total de l'entrée de population), POPULATION_ALLOCATED (placée sur les zones) et POPULATION_UNALLOCATED (le reste : codes invalides, codes absents de la référence, communes sans code de la référence) ; TOTAL = ALLOCATED + UNALLOCATED.&lt;/li&gt;
&lt;li&gt;Bilan des sites : SITES_USED et SITES_REJECTED (lignes de sites), SITES_REJECTED_BY_RULE (JSON : &lt;code&gt;invalid_postcode&lt;/code&gt;, &lt;code&gt;negative_weight&lt;/code&gt;, &lt;code&gt;unknown_entity&lt;/code&gt;, &lt;code&gt;zero_weight&lt;/code&gt;).&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;Exemple&lt;/h3&gt;
&lt;p&gt;MEMBERS = l'importation de &lt;code&gt;sample_data/members.csv&lt;/code&gt; (EMPLOYMENT_CEILING = 3000), POSTCODES = les Zones postales à partir des points des codes postaux de &lt;code&gt;sample_data/postcode_points.gpkg&lt;/code&gt;, POSTCODE_FIELD = &lt;code&gt;postcode&lt;/code&gt; : EMPLOYMENT_TOTAL 10 163 (chacune des 85 entités une fois, y compris les 5 membres de TIC et de TWIST) = EMPLOYMENT_MATCHED 10 078 dans 29 zones + EMPLOYMENT_UNMATCHED 85 (&lt;i&gt;Trans Lux Logistics&lt;/i&gt;, LU-4365, absent de la référence belge) ; le plus grand cercle est BE-1348 avec 1 796. Sur les données complètes : POSTCODES = &lt;code&gt;be_postcode_zones_voronoi.gpkg&lt;/code&gt; (champ &lt;code&gt;postcode&lt;/code&gt;), POPULATION = &lt;code&gt;be_municipalities_2020_population.gpkg&lt;/code&gt; (&lt;code&gt;nis&lt;/code&gt;, &lt;code&gt;population&lt;/code&gt;) avec LOOKUP = &lt;code&gt;be_localities_postcode_nis_2013.csv&lt;/code&gt; (&lt;code&gt;zipCode&lt;/code&gt;, &lt;code&gt;nisCode&lt;/code&gt;) : une couche de zones avec l'emploi par cluster, pour 1 000 habitants et les quotients de localisation, et des cercles prêts pour la carte de l'atlas.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Affinity (area)</source>
        <translation>Affinité (superficie)</translation>
    </message>
    <message>
        <source>Affinity (population)</source>
        <translation>Affinité (population)</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>Agrégation</translation>
    </message>
    <message>
        <source>Aggregate per postal code</source>
        <translation>Agréger par code postal</translation>
    </message>
    <message>
        <source>Apply atlas style</source>
        <translation>Appliquer un style d'atlas</translation>
    </message>
    <message>
        <source>Area share</source>
        <translation>Part de la superficie</translation>
    </message>
    <message>
        <source>Atlas chain (import to atlas page)</source>
        <translation>Chaîne de l'atlas (de l'import à la page d'atlas)</translation>
    </message>
    <message>
        <source>Atlas name</source>
        <translation>Nom de l'atlas</translation>
    </message>
    <message>
        <source>Atlas page</source>
        <translation>Page d'atlas</translation>
    </message>
    <message>
        <source>Atlas page (no network)</source>
        <translation>Page d'atlas (sans réseau)</translation>
    </message>
    <message>
        <source>Atlas page export to {} failed: {}</source>
        <translation>L'export de la page d'atlas vers {} a échoué : {}</translation>
    </message>
    <message>
        <source>Atlas page: {} page(s) written to {}</source>
        <translation>Page d'atlas : {} page(s) écrite(s) dans {}</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <source>Authors printed on the page (side block).</source>
        <translation>Auteurs imprimés sur la page (bloc latéral).</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>CIRCLES has neither a 'cluster' field nor emp_&lt;slug&gt; fields: cannot map per cluster.</source>
        <translation>CIRCLES n'a ni champ « cluster » ni champs emp_&lt;slug&gt; : impossible de cartographier par cluster.</translation>
    </message>
    <message>
        <source>CIRCLES has no '{0}' field nor wide per-{0} fields: circles get one colour.</source>
        <translation>CIRCLES n'a ni champ « {0} » ni champs larges par {0} : les cercles reçoivent une seule couleur.</translation>
    </message>
    <message>
        <source>CIRCLES has no field '{}'; choose the value field with FIELD.</source>
        <translation>CIRCLES n'a pas de champ « {} » ; choisissez le champ de valeur avec FIELD.</translation>
    </message>
    <message>
        <source>CLASS_MAP JSON must be an object {{"value": "class"}}</source>
        <translation>le JSON de CLASS_MAP doit être un objet {{"valeur": "classe"}}</translation>
    </message>
    <message>
        <source>CLASS_MAP is not valid JSON: {}</source>
        <translation>CLASS_MAP n'est pas un JSON valide : {}</translation>
    </message>
    <message>
        <source>CLASS_MAP item {} ({!r}) has no '='; write value=class, e.g. rail=fibre</source>
        <translation>l'élément {} de CLASS_MAP ({!r}) n'a pas de '=' ; écrivez valeur=classe, p. ex. rail=fibre</translation>
    </message>
    <message>
        <source>CLASS_MAP: value {!r} is mapped to an empty class name</source>
        <translation>CLASS_MAP : la valeur {!r} est associée à un nom de classe vide</translation>
    </message>
    <message>
        <source>CLUSTER_SEPARATORS ';,/|' is the former default: read as '{}' (/ and , split only between clusters each named on its own). To always split on them, write e.g. '/,;|'.</source>
        <translation>CLUSTER_SEPARATORS « ;,/| » est l'ancienne valeur par défaut : lue comme « {} » (/ et , ne séparent que des clusters nommés chacun seul). Pour toujours séparer sur ces caractères, écrivez p. ex. « /,;| ».</translation>
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation>Annulé par l'utilisateur.</translation>
    </message>
    <message>
        <source>Cannot open '{}': {}</source>
        <translation>Impossible d'ouvrir '{}' : {}</translation>
    </message>
    <message>
        <source>Cannot open workbook '{}': {}</source>
        <translation>Impossible d'ouvrir le classeur '{}' : {}</translation>
    </message>
    <message>
        <source>Cannot read '{}' separated by '{}': the header has {} fields but {}. A separator inside a value? Quote such values, or choose the separator with the SEPARATOR parameter.</source>
        <translation>Impossible de lire '{}' avec le séparateur '{}' : l'en-tête a {} champs mais {}. Un séparateur dans une valeur ? Mettez ces valeurs entre guillemets, ou choisissez le séparateur avec le paramètre SEPARATOR.</translation>
    </message>
    <message>
        <source>Cartography</source>
        <translation>Cartographie</translation>
    </message>
    <message>
        <source>Category field</source>
        <translation>Champ de catégorie</translation>
    </message>
    <message>
        <source>Characters that always separate several clusters in one cell (default ;|); / , + &amp; and et/en/and separate only clusters named on their own (as in Import member table).</source>
        <translation>Caractères qui séparent toujours plusieurs clusters dans une cellule (par défaut ;|) ; / , + &amp; et et/en/and ne séparent que des clusters nommés seuls (comme dans Importer la table des membres).</translation>
    </message>
    <message>
        <source>Choose the postcode field of the reference layer (POSTCODE_FIELD).</source>
        <translation>Choisissez le champ du code postal de la couche de référence (POSTCODE_FIELD).</translation>
    </message>
    <message>
        <source>Choropleth: employment per 1,000 inhabitants</source>
        <translation>Choroplèthe : emploi pour 1 000 habitants</translation>
    </message>
    <message>
        <source>Choropleth: location quotient (diverging around 1)</source>
        <translation>Choroplèthe : quotient de localisation</translation>
    </message>
    <message>
        <source>Circle points (employment per postal code) used on the page.</source>
        <translation>Points des cercles (emploi par code postal) utilisés sur la page.</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>Cercles</translation>
    </message>
    <message>
        <source>Circles (employment per postal code)</source>
        <translation>Cercles (emploi par code postal)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Cluster Atlas: technology clusters per postal code</source>
        <translation>Cluster Atlas : clusters technologiques par code postal</translation>
    </message>
    <message>
        <source>Cluster field (empty = detect)</source>
        <translation>Champ du cluster (vide = détection)</translation>
    </message>
    <message>
        <source>Cluster name '{}' kept whole (its parts are not all clusters named on their own; list them in CLUSTER_NAMES to split it): {} row(s).</source>
        <translation>Nom de cluster « {} » gardé entier (ses parties ne sont pas toutes des clusters nommés seuls ; indiquez-les dans CLUSTER_NAMES pour le séparer) : {} ligne(s).</translation>
    </message>
    <message>
        <source>Cluster separators (empty = none)</source>
        <translation>Séparateurs de clusters (vide = aucun)</translation>
    </message>
    <message>
        <source>Cluster text '{}' split into {} (each a cluster named on its own): {} row(s).</source>
        <translation>Texte de cluster « {} » séparé en {} (chacun est un cluster nommé seul) : {} ligne(s).</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>Clusters '{}' (rows {}) and '{}' (rows {}) differ by {} character(s): kept apart; if they are one cluster, correct the spelling.</source>
        <translation>Les clusters « {} » (lignes {}) et « {} » (lignes {}) diffèrent de {} caractère(s) : gardés séparés ; s'il s'agit d'un seul cluster, corrigez l'orthographe.</translation>
    </message>
    <message>
        <source>Clusters not found in CIRCLES: {}</source>
        <translation>Clusters absents de CIRCLES : {}</translation>
    </message>
    <message>
        <source>Clusters to map (empty = all)</source>
        <translation>Clusters à cartographier (vide = tous)</translation>
    </message>
    <message>
        <source>Colour circles by</source>
        <translation>Couleur des cercles selon</translation>
    </message>
    <message>
        <source>Column name '{}' appears more than once: the repeated column is called '{}' (detection uses the first).</source>
        <translation>Le nom de colonne « {} » apparaît plusieurs fois : la colonne répétée s'appelle « {} » (la détection utilise la première).</translation>
    </message>
    <message>
        <source>Columns used (JSON)</source>
        <translation>Colonnes utilisées (JSON)</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <source>Copper</source>
        <translation>Cuivre</translation>
    </message>
    <message>
        <source>Could not find the {} column(s) in the input. Columns seen: {}. Choose them with the field parameters{}.</source>
        <translation>Colonne(s) {} introuvable(s) dans l'entrée. Colonnes vues : {}. Choisissez-les avec les paramètres de champ{}.</translation>
    </message>
    <message>
        <source>Could not index the network lines of class {}.</source>
        <translation>Impossible d'indexer les lignes du réseau de la classe {}.</translation>
    </message>
    <message>
        <source>Could not load the style {}: {}</source>
        <translation>Impossible de charger le style {} : {}</translation>
    </message>
    <message>
        <source>Could not reopen the output {}.</source>
        <translation>Impossible de rouvrir la sortie {}.</translation>
    </message>
    <message>
        <source>Could not write features to the output: {}</source>
        <translation>Impossible d'écrire les entités dans la sortie : {}</translation>
    </message>
    <message>
        <source>Could not write the GeoPackage {}: {}</source>
        <translation>Impossible d'écrire le GeoPackage {} : {}</translation>
    </message>
    <message>
        <source>Could not write the report {}: {}.</source>
        <translation>Impossible d'écrire le rapport {} : {}.</translation>
    </message>
    <message>
        <source>Could not write {}.</source>
        <translation>Impossible d'écrire {}.</translation>
    </message>
    <message>
        <source>Could not write {}: {} ({}).</source>
        <translation>Impossible d'écrire {} : {} ({}).</translation>
    </message>
    <message>
        <source>Could not write {}: {}.</source>
        <translation>Impossible d'écrire {} : {}.</translation>
    </message>
    <message>
        <source>Country backdrop</source>
        <translation>Fond du pays</translation>
    </message>
    <message>
        <source>Country field</source>
        <translation>Champ du pays</translation>
    </message>
    <message>
        <source>Country field (empty = detect)</source>
        <translation>Champ du pays (vide = détection)</translation>
    </message>
    <message>
        <source>Country field of the sites table</source>
        <translation>Champ du pays des sites</translation>
    </message>
    <message>
        <source>Country outline (Belgium)</source>
        <translation>Contour du pays (Belgique)</translation>
    </message>
    <message>
        <source>Credits line printed under the map.</source>
        <translation>Ligne de crédits imprimée sous la carte.</translation>
    </message>
    <message>
        <source>Credits line under the map</source>
        <translation>Ligne de crédits sous la carte</translation>
    </message>
    <message>
        <source>DEFAULT_COUNTRY '{}' is not supported; use one of {}.</source>
        <translation>DEFAULT_COUNTRY « {} » n'est pas pris en charge ; utilisez l'un de {}.</translation>
    </message>
    <message>
        <source>DISTANCES is empty; give kilometres like 1, 2, 5</source>
        <translation>DISTANCES est vide ; donnez des kilomètres, p. ex. 1, 2, 5</translation>
    </message>
    <message>
        <source>DISTANCES: {!r} is not a number; give kilometres like 1, 2, 5</source>
        <translation>DISTANCES : {!r} n'est pas un nombre ; donnez des kilomètres, p. ex. 1, 2, 5</translation>
    </message>
    <message>
        <source>DISTANCES: {!r} must be a positive number of kilometres</source>
        <translation>DISTANCES : {!r} doit être un nombre positif de kilomètres</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Sources des données</translation>
    </message>
    <message>
        <source>Data sources printed on the page (side block).</source>
        <translation>Sources des données imprimées sur la page (bloc latéral).</translation>
    </message>
    <message>
        <source>Data used</source>
        <translation>Données utilisées</translation>
    </message>
    <message>
        <source>Default cluster</source>
        <translation>Cluster par défaut</translation>
    </message>
    <message>
        <source>Default country (ISO code)</source>
        <translation>Pays par défaut (code ISO)</translation>
    </message>
    <message>
        <source>Diameter of the largest circle (mm)</source>
        <translation>Diamètre du plus grand cercle (mm)</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <source>Distance thresholds (km)</source>
        <translation>Seuils de distance (km)</translation>
    </message>
    <message>
        <source>Distance to the nearest line (km)</source>
        <translation>Distance à la ligne la plus proche (km)</translation>
    </message>
    <message>
        <source>Dominant entity threshold (share 0-1)</source>
        <translation>Seuil d'entité dominante (part 0-1)</translation>
    </message>
    <message>
        <source>ENCODING '{}' is not a known encoding: leave it empty to detect it, or use e.g. utf-8, cp1252, utf-16.</source>
        <translation>ENCODING « {} » n'est pas un encodage connu : laissez-le vide pour le détecter, ou utilisez par ex. utf-8, cp1252, utf-16.</translation>
    </message>
    <message>
        <source>ENCODING '{}' is not a text encoding: use e.g. utf-8, cp1252, utf-16.</source>
        <translation>ENCODING « {} » n'est pas un encodage de texte : utilisez par ex. utf-8, cp1252, utf-16.</translation>
    </message>
    <message>
        <source>Ellipsoidal</source>
        <translation>Ellipsoïdale</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Emploi</translation>
    </message>
    <message>
        <source>Employment ceiling (0 = none)</source>
        <translation>Plafond d'emploi (0 = aucun)</translation>
    </message>
    <message>
        <source>Employment field</source>
        <translation>Champ de l'emploi</translation>
    </message>
    <message>
        <source>Employment field (empty = detect)</source>
        <translation>Champ de l'emploi (vide = détection)</translation>
    </message>
    <message>
        <source>Employment field {} not found in the zones.</source>
        <translation>Champ d'emploi {} introuvable dans les zones.</translation>
    </message>
    <message>
        <source>Employment in the member table</source>
        <translation>Emploi dans la table des membres</translation>
    </message>
    <message>
        <source>Employment in the member table (each entity once)</source>
        <translation>Emploi de la table des membres (chaque entité une fois)</translation>
    </message>
    <message>
        <source>Employment in the rejects</source>
        <translation>Emploi dans les rejets</translation>
    </message>
    <message>
        <source>Employment in the zones</source>
        <translation>Emploi dans les zones</translation>
    </message>
    <message>
        <source>Employment of unmatched postcodes</source>
        <translation>Emploi des codes postaux non appariés</translation>
    </message>
    <message>
        <source>Employment per postal code</source>
        <translation>Emploi par code postal</translation>
    </message>
    <message>
        <source>Employment per postal code (zones or points) with per-cluster fields.</source>
        <translation>Emploi par code postal (zones ou points) avec des champs par cluster.</translation>
    </message>
    <message>
        <source>Employment share</source>
        <translation>Part de l'emploi</translation>
    </message>
    <message>
        <source>Employment share versus distance</source>
        <translation>Part de l'emploi selon la distance</translation>
    </message>
    <message>
        <source>Employment: {:,.1f} valid read = {:,.1f} in the member table + {:,.1f} in the rejects.</source>
        <translation>Emploi : {:,.1f} valide lu = {:,.1f} dans la table des membres + {:,.1f} dans les rejets.</translation>
    </message>
    <message>
        <source>Encoding (empty = detect)</source>
        <translation>Encodage (vide = détection)</translation>
    </message>
    <message>
        <source>Encoding {} detected ({}).</source>
        <translation>Encodage {} détecté ({}).</translation>
    </message>
    <message>
        <source>Encoding {} of the project layer used.</source>
        <translation>Encodage {} de la couche du projet utilisé.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>Entities above the outlier share</source>
        <translation>Entités au-delà de la part extrême</translation>
    </message>
    <message>
        <source>Entities to leave out, separated by ';' or new lines: name, or name @ cluster (e.g. a whole university or a group headcount). They go to the rejects with their employment.</source>
        <translation>Entités à écarter, séparées par « ; » ou des retours à la ligne : nom, ou nom @ cluster (p. ex. toute une université ou l'effectif d'un groupe). Elles vont dans les rejets avec leur emploi.</translation>
    </message>
    <message>
        <source>Entities with more employment than this in a cluster are rejected (e.g. a whole university); 0 keeps everything.</source>
        <translation>Les entités ayant plus d'emploi que cela dans un cluster sont rejetées (p. ex. toute une université) ; 0 garde tout.</translation>
    </message>
    <message>
        <source>Entity field of the sites table</source>
        <translation>Champ de l'entité des sites</translation>
    </message>
    <message>
        <source>Entity id field (empty = detect)</source>
        <translation>Champ identifiant (vide = détection)</translation>
    </message>
    <message>
        <source>Entity kind</source>
        <translation>Type d'entité</translation>
    </message>
    <message>
        <source>Every value of '{}' in CIRCLES is 0 or empty (unknown employment): the page has no circle. Check the member table's employment or choose another FIELD.</source>
        <translation>Toutes les valeurs de « {} » dans CIRCLES sont nulles ou vides (emploi inconnu) : la page n'a aucun cercle. Vérifiez l'emploi de la table des membres ou choisissez un autre FIELD.</translation>
    </message>
    <message>
        <source>Excluded entities</source>
        <translation>Entités exclues</translation>
    </message>
    <message>
        <source>Exclusion table</source>
        <translation>Table d'exclusion</translation>
    </message>
    <message>
        <source>Exclusion table: {} rule(s) from column '{}' (cluster column: {}).</source>
        <translation>Table d'exclusion : {} règle(s) tirée(s) de la colonne « {} » (colonne cluster : {}).</translation>
    </message>
    <message>
        <source>Export atlas map</source>
        <translation>Exporter la carte d'atlas</translation>
    </message>
    <message>
        <source>Export atlas map (PDF/PNG/SVG)</source>
        <translation>Exporter la carte d'atlas (PDF/PNG/SVG)</translation>
    </message>
    <message>
        <source>Export atlas map (no network)</source>
        <translation>Exporter la carte d'atlas (sans réseau)</translation>
    </message>
    <message>
        <source>Fibre optic</source>
        <translation>Fibre optique</translation>
    </message>
    <message>
        <source>Field of the reference layer holding the postal code.</source>
        <translation>Champ de la couche de référence contenant le code postal.</translation>
    </message>
    <message>
        <source>Field {} not found in the network layer.</source>
        <translation>Champ {} introuvable dans la couche du réseau.</translation>
    </message>
    <message>
        <source>Field(s) not found in the input: {}</source>
        <translation>Champ(s) introuvable(s) dans l'entrée : {}</translation>
    </message>
    <message>
        <source>Field-name map (JSON)</source>
        <translation>Correspondance des noms de champs (JSON)</translation>
    </message>
    <message>
        <source>Field-name map (slug: cluster):</source>
        <translation>Correspondance des noms de champs (slug : cluster) :</translation>
    </message>
    <message>
        <source>File not found: '{}'</source>
        <translation>Fichier introuvable : '{}'</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Fichiers écrits</translation>
    </message>
    <message>
        <source>Filter: {}</source>
        <translation>Filtre : {}</translation>
    </message>
    <message>
        <source>For a member list covering several years (a year column): the year to map. Required then; empty for a list of one year.</source>
        <translation>Pour une liste de membres sur plusieurs années (une colonne d'année) : l'année à cartographier. Obligatoire dans ce cas ; vide pour une liste d'une seule année.</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Geocoded members (points)</source>
        <translation>Membres géocodés (points)</translation>
    </message>
    <message>
        <source>Give both MEMBER_ZONE_FIELD and ZONE_KEY_FIELD to join members to zones by key, or neither for a spatial join.</source>
        <translation>Donnez MEMBER_ZONE_FIELD et ZONE_KEY_FIELD pour joindre les membres aux zones par clé, ou aucun des deux pour une jointure spatiale.</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <source>HTML report of the network overlay (only when a network is given).</source>
        <translation>Rapport HTML de la superposition au réseau (seulement si un réseau est donné).</translation>
    </message>
    <message>
        <source>Header found on line {} (the lines above it are a title, skipped); source_row counts data rows below the header.</source>
        <translation>En-tête trouvé à la ligne {} (les lignes au-dessus forment un titre, ignoré) ; source_row compte les lignes de données sous l'en-tête.</translation>
    </message>
    <message>
        <source>Header found on line {}: the {} line(s) above it are rejected (rule above_header); source_row counts data rows below the header.</source>
        <translation>En-tête trouvé à la ligne {} : les {} ligne(s) au-dessus sont rejetées (règle above_header) ; source_row compte les lignes de données sous l'en-tête.</translation>
    </message>
    <message>
        <source>Id field of the population layer</source>
        <translation>Champ identifiant de la population</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Import cluster members</source>
        <translation>Importer les membres des clusters</translation>
    </message>
    <message>
        <source>Import member table</source>
        <translation>Importer la table des membres</translation>
    </message>
    <message>
        <source>Import, aggregate, network overlay and atlas page in one model.</source>
        <translation>Importation, agrégation, superposition au réseau et page d'atlas en un seul modèle.</translation>
    </message>
    <message>
        <source>Incorrect parameter value for {}</source>
        <translation>Valeur de paramètre incorrecte pour {}</translation>
    </message>
    <message>
        <source>Input field {} is replaced by the computed field of the same name.</source>
        <translation>Le champ d'entrée {} est remplacé par le champ calculé du même nom.</translation>
    </message>
    <message>
        <source>Input layer</source>
        <translation>Couche d'entrée</translation>
    </message>
    <message>
        <source>Input member table</source>
        <translation>Table des membres en entrée</translation>
    </message>
    <message>
        <source>Internal error: a Voronoi cell has no postcode point.</source>
        <translation>Erreur interne : une cellule de Voronoï n'a pas de point de code postal.</translation>
    </message>
    <message>
        <source>Key field of the zones</source>
        <translation>Champ de clé des zones</translation>
    </message>
    <message>
        <source>Kind field (empty = detect)</source>
        <translation>Champ du type (vide = détection)</translation>
    </message>
    <message>
        <source>Known cluster names</source>
        <translation>Noms de clusters connus</translation>
    </message>
    <message>
        <source>Known cluster names separated by ';' or new lines: a cell such as 'Transport/Logistique' is split when its pieces are listed here (as in Import member table).</source>
        <translation>Noms de clusters connus séparés par « ; » ou des retours à la ligne : une cellule comme « Transport/Logistique » est séparée quand ses morceaux sont listés ici (comme dans Importer la table des membres).</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Length method</source>
        <translation>Méthode de mesure des longueurs</translation>
    </message>
    <message>
        <source>Length method used</source>
        <translation>Méthode de longueur utilisée</translation>
    </message>
    <message>
        <source>Lengths and distances: {}</source>
        <translation>Longueurs et distances : {}</translation>
    </message>
    <message>
        <source>Line {} (row {}) repeats the header: rejected (rule repeated_header); the {} row(s) below it are read with its column names{}.</source>
        <translation>La ligne {} du fichier (ligne {}) répète l'en-tête : rejetée (règle repeated_header) ; les {} ligne(s) en dessous sont lues avec ses noms de colonnes{}.</translation>
    </message>
    <message>
        <source>Lines wholly inside one zone: {} (of which {} found by the zone grid without a GEOS test); zone pieces intersected: {}; outside every zone: {}; boundary stretches counted once: {}; GEOS errors: {}.</source>
        <translation>Lignes entièrement dans une zone : {} (dont {} trouvées par la grille des zones sans test GEOS) ; morceaux intersectés : {} ; hors de toute zone : {} ; tronçons de limite comptés une fois : {} ; erreurs GEOS : {}.</translation>
    </message>
    <message>
        <source>MEMBERS: {}.</source>
        <translation>MEMBERS : {}.</translation>
    </message>
    <message>
        <source>METRIC_CRS {} is not a projected CRS in metres; choose one such as EPSG:3812 or EPSG:31370.</source>
        <translation>METRIC_CRS {} n'est pas un SCR projeté en mètres ; choisissez-en un comme EPSG:3812 ou EPSG:31370.</translation>
    </message>
    <message>
        <source>Map CRS: {}</source>
        <translation>SCR de la carte : {}</translation>
    </message>
    <message>
        <source>Map extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <source>Map number</source>
        <translation>Numéro de carte</translation>
    </message>
    <message>
        <source>Maximum distance outside the boundary</source>
        <translation>Distance maximale hors de la limite</translation>
    </message>
    <message>
        <source>Member distances to the network</source>
        <translation>Distances des membres au réseau</translation>
    </message>
    <message>
        <source>Member employment field</source>
        <translation>Champ d'emploi des membres</translation>
    </message>
    <message>
        <source>Member employment field {} not found in the members layer.</source>
        <translation>Champ d'emploi des membres {} introuvable dans la couche des membres.</translation>
    </message>
    <message>
        <source>Member feature {} (id {}) has a negative employment ({}) in field {}; fix the value or filter the member out.</source>
        <translation>L'entité membre {} (id {}) a un emploi négatif ({}) dans le champ {} ; corrigez la valeur ou filtrez ce membre.</translation>
    </message>
    <message>
        <source>Member table</source>
        <translation>Table des membres</translation>
    </message>
    <message>
        <source>Member table: one row per entity and cluster, as importmembers writes it.</source>
        <translation>Table des membres : une ligne par entité et par cluster, telle qu'importmembers l'écrit.</translation>
    </message>
    <message>
        <source>Member table: {}</source>
        <translation>Table des membres : {}</translation>
    </message>
    <message>
        <source>Member zone field {} not found in the members layer.</source>
        <translation>Champ de zone des membres {} introuvable dans la couche des membres.</translation>
    </message>
    <message>
        <source>Member zone key field</source>
        <translation>Champ de clé de zone des membres</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Members read: {}; joined to a zone {}: {}; in no zone: {}; without geometry: {}; multi-point (centroid used): {}; transform failures: {}; NULL employment counted as 0: {}; NULL zone key: {}.</source>
        <translation>Membres lus : {} ; joints à une zone {} : {} ; dans aucune zone : {} ; sans géométrie : {} ; multi-points (centroïde utilisé) : {} ; échecs de transformation : {} ; emploi NULL compté 0 : {} ; clé de zone NULL : {}.</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Appartenances</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Metric CRS for lengths and distances</source>
        <translation>SCR métrique (longueurs, distances)</translation>
    </message>
    <message>
        <source>More: the README section &lt;a href="{url}"&gt;{url}&lt;/a&gt; (also README.md in the plugin folder).</source>
        <translation>Plus : la section du README &lt;a href="{url}"&gt;{url}&lt;/a&gt; (aussi README.md dans le dossier de l'extension).</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Communes</translation>
    </message>
    <message>
        <source>Municipality field of the table</source>
        <translation>Champ de la commune de la table</translation>
    </message>
    <message>
        <source>Municipality id field</source>
        <translation>Champ identifiant de la commune</translation>
    </message>
    <message>
        <source>NETWORK has no field '{}' (NETWORK_CLASS_FIELD): the network is drawn with one symbol.</source>
        <translation>NETWORK n'a pas de champ « {} » (NETWORK_CLASS_FIELD) : le réseau est dessiné avec un seul symbole.</translation>
    </message>
    <message>
        <source>NETWORK has no type field ('class', or choose one with NETWORK_CLASS_FIELD): the network is drawn with one symbol, without copper/fibre classes.</source>
        <translation>NETWORK n'a pas de champ de type (« class », ou choisissez-en un avec NETWORK_CLASS_FIELD) : le réseau est dessiné avec un seul symbole, sans classes cuivre/fibre.</translation>
    </message>
    <message>
        <source>NETWORK_SUMMARY has no field {}: give the SUMMARY output of Network overlay.</source>
        <translation>NETWORK_SUMMARY n'a pas de champ {} : donnez la sortie SUMMARY de Superposition au réseau.</translation>
    </message>
    <message>
        <source>NETWORK_SUMMARY holds no figure of the whole network: no measure on the page.</source>
        <translation>NETWORK_SUMMARY ne contient aucun chiffre pour l'ensemble du réseau : pas de mesure sur la page.</translation>
    </message>
    <message>
        <source>NUL bytes, no byte order mark</source>
        <translation>octets NUL, sans marque d'ordre des octets</translation>
    </message>
    <message>
        <source>Name field (empty = detect)</source>
        <translation>Champ du nom (vide = détection)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Network affinity</source>
        <translation>Affinité au réseau</translation>
    </message>
    <message>
        <source>Network affinity summary</source>
        <translation>Résumé de l'affinité au réseau</translation>
    </message>
    <message>
        <source>Network affinity summary (only when a network is given).</source>
        <translation>Résumé de l'affinité au réseau (seulement si un réseau est donné).</translation>
    </message>
    <message>
        <source>Network drawn by its field {}: classes {}.</source>
        <translation>Réseau dessiné selon son champ {} : classes {}.</translation>
    </message>
    <message>
        <source>Network features read: {}; used: {}; empty geometries: {}; multi-part: {}; transform failures: {}; NULL type: {}; unmapped type values: {}.</source>
        <translation>Entités du réseau lues : {} ; utilisées : {} ; géométries vides : {} ; multi-parties : {} ; échecs de reprojection : {} ; type NULL : {} ; valeurs de type non associées : {}.</translation>
    </message>
    <message>
        <source>Network given?</source>
        <translation>Réseau donné ?</translation>
    </message>
    <message>
        <source>Network length (km)</source>
        <translation>Longueur du réseau (km)</translation>
    </message>
    <message>
        <source>Network lines</source>
        <translation>Lignes du réseau</translation>
    </message>
    <message>
        <source>Network lines (copper / fibre)</source>
        <translation>Lignes du réseau (cuivre / fibre)</translation>
    </message>
    <message>
        <source>Network lines used</source>
        <translation>Lignes du réseau utilisées</translation>
    </message>
    <message>
        <source>Network measure on the page: {}</source>
        <translation>Mesure du réseau sur la page : {}</translation>
    </message>
    <message>
        <source>Network overlay</source>
        <translation>Superposition au réseau</translation>
    </message>
    <message>
        <source>Network overlay (employment versus copper/fibre network)</source>
        <translation>Superposition au réseau (emploi et réseau cuivre/fibre)</translation>
    </message>
    <message>
        <source>Network overlay / Superposition au réseau</source>
        <translation>Superposition au réseau / Network overlay</translation>
    </message>
    <message>
        <source>Network overlay report</source>
        <translation>Rapport de superposition au réseau</translation>
    </message>
    <message>
        <source>Network overlay summary</source>
        <translation>Résumé de la superposition au réseau</translation>
    </message>
    <message>
        <source>Network type field</source>
        <translation>Champ du type de réseau</translation>
    </message>
    <message>
        <source>No employment column: every employment is unknown (NULL, flagged).</source>
        <translation>Pas de colonne d'emploi : tous les emplois sont inconnus (NULL, signalés).</translation>
    </message>
    <message>
        <source>No membership left to aggregate (empty table or filters).</source>
        <translation>Aucune appartenance à agréger (table vide ou filtres).</translation>
    </message>
    <message>
        <source>No network line is copper or fibre (field {}): every line is drawn as '{}'. Map its values with CLASS_MAP, e.g. rail=fibre.</source>
        <translation>Aucune ligne du réseau n'est cuivre ou fibre (champ {}) : toutes sont dessinées comme « {} ». Faites correspondre ses valeurs avec CLASS_MAP, par ex. rail=fibre.</translation>
    </message>
    <message>
        <source>No postcode of the reference layer has a usable geometry (all NULL, EMPTY or invalid beyond repair): check POSTCODES.</source>
        <translation>Aucun code postal de la couche de référence n'a de géométrie utilisable (toutes NULL, vides ou invalides et irréparables) : vérifiez POSTCODES.</translation>
    </message>
    <message>
        <source>No usable postcode point (see the REPORT output): check POSTCODE_FIELD and the layers' CRS.</source>
        <translation>Aucun point de code postal utilisable (voir la sortie REPORT) : vérifiez POSTCODE_FIELD et le SCR des couches.</translation>
    </message>
    <message>
        <source>None of the clusters in CLUSTERS is in the CIRCLES layer.</source>
        <translation>Aucun des clusters de CLUSTERS n'est dans la couche CIRCLES.</translation>
    </message>
    <message>
        <source>Nothing to map: give CIRCLES and/or NETWORK, ZONES, BOUNDARY, BACKDROP.</source>
        <translation>Rien à cartographier : donnez CIRCLES et/ou NETWORK, ZONES, BOUNDARY, BACKDROP.</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Nombre de pages</translation>
    </message>
    <message>
        <source>Number of points used</source>
        <translation>Nombre de points utilisés</translation>
    </message>
    <message>
        <source>Number of reported issues</source>
        <translation>Nombre de problèmes signalés</translation>
    </message>
    <message>
        <source>Number of zones</source>
        <translation>Nombre de zones</translation>
    </message>
    <message>
        <source>OUTPUT {}: use a .pdf, .png or .svg file name.</source>
        <translation>OUTPUT {} : utilisez un nom de fichier .pdf, .png ou .svg.</translation>
    </message>
    <message>
        <source>One colour</source>
        <translation>Une seule couleur</translation>
    </message>
    <message>
        <source>One page per cluster</source>
        <translation>Une page par cluster</translation>
    </message>
    <message>
        <source>One page per cluster (PDF)</source>
        <translation>Une page par cluster (PDF)</translation>
    </message>
    <message>
        <source>Only these clusters</source>
        <translation>Seulement ces clusters</translation>
    </message>
    <message>
        <source>Only these kinds</source>
        <translation>Seulement ces types</translation>
    </message>
    <message>
        <source>Only this year</source>
        <translation>Seulement cette année</translation>
    </message>
    <message>
        <source>Optional field of the network giving its type (class) for per-class figures and the line symbols of the page; default the field 'class' on the page.</source>
        <translation>Champ facultatif du réseau donnant son type (classe), pour les chiffres par classe et les symboles des lignes sur la page ; par défaut le champ « class » sur la page.</translation>
    </message>
    <message>
        <source>Optional map of the type values onto classes, e.g. rail=fibre; *=other (as in Network overlay), used by the figures and the page.</source>
        <translation>Correspondance facultative des valeurs du type vers des classes, p. ex. rail=fibre; *=other (comme dans Superposition au réseau), utilisée par les chiffres et la page.</translation>
    </message>
    <message>
        <source>Optional network lines (e.g. copper/fibre). Without it the network step is skipped and the page has no network.</source>
        <translation>Lignes du réseau facultatives (p. ex. cuivre/fibre). Sans elles, l'étape du réseau est sautée et la page n'a pas de réseau.</translation>
    </message>
    <message>
        <source>Optional region boundary drawn on the page and used for the map extent.</source>
        <translation>Limite facultative de la région, dessinée sur la page et utilisée pour l'emprise de la carte.</translation>
    </message>
    <message>
        <source>Optional table of entities to leave out (a name or id column, optional cluster and note columns), as in Import member table.</source>
        <translation>Table facultative des entités à écarter (une colonne de nom ou d'identifiant, des colonnes de cluster et de note facultatives), comme dans Importer les membres des clusters.</translation>
    </message>
    <message>
        <source>Outlier share (0 = off)</source>
        <translation>Part extrême (0 = pas d'alerte)</translation>
    </message>
    <message>
        <source>Outlier: '{name}' (row {row}) holds {employment} of the {total} employment of cluster '{cluster}'{year} ({share}). If that figure is wrong, EXCLUDE={name} @ {cluster} leaves the cluster {after_exclude}.</source>
        <translation>Valeur extrême : '{name}' (ligne {row}) détient {employment} des {total} emplois du cluster '{cluster}'{year} ({share}). Si ce chiffre est faux, EXCLUDE={name} @ {cluster} laisse au cluster {after_exclude}.</translation>
    </message>
    <message>
        <source>Outlier: '{name}' (row {row}) holds {employment} of the {total} employment of cluster '{cluster}'{year} ({share}). If that is a group or worldwide headcount, EXCLUDE={name} @ {cluster} leaves the cluster {after_exclude}; EMPLOYMENT_CEILING={ceiling} (every cluster) leaves it {after_ceiling}.</source>
        <translation>Valeur extrême : '{name}' (ligne {row}) détient {employment} des {total} emplois du cluster '{cluster}'{year} ({share}). S'il s'agit de l'effectif d'un groupe ou mondial, EXCLUDE={name} @ {cluster} laisse au cluster {after_exclude} ; EMPLOYMENT_CEILING={ceiling} (tous les clusters) lui laisse {after_ceiling}.</translation>
    </message>
    <message>
        <source>Outliers (JSON)</source>
        <translation>Valeurs extrêmes (JSON)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;PNG files (*.png);;SVG files (*.svg)</source>
        <translation>Fichiers PDF (*.pdf);;Fichiers PNG (*.png);;Fichiers SVG (*.svg)</translation>
    </message>
    <message>
        <source>Page language</source>
        <translation>Langue de la page</translation>
    </message>
    <message>
        <source>Page title</source>
        <translation>Titre de la page</translation>
    </message>
    <message>
        <source>Planar, in the metric CRS</source>
        <translation>Planimétrique, dans le SCR métrique</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation>Champ de la population</translation>
    </message>
    <message>
        <source>Population field of the reference layer</source>
        <translation>Champ de population de la référence</translation>
    </message>
    <message>
        <source>Population field {} not found in the zones.</source>
        <translation>Champ de population {} introuvable dans les zones.</translation>
    </message>
    <message>
        <source>Population in the population input</source>
        <translation>Population de l'entrée de population</translation>
    </message>
    <message>
        <source>Population layer or table</source>
        <translation>Couche ou table de population</translation>
    </message>
    <message>
        <source>Population not placed on any zone</source>
        <translation>Population placée sur aucune zone</translation>
    </message>
    <message>
        <source>Population of {:g} inhabitants has an invalid postcode id.</source>
        <translation>Une population de {:g} habitants a un identifiant de code postal invalide.</translation>
    </message>
    <message>
        <source>Population placed on the zones</source>
        <translation>Population placée sur les zones</translation>
    </message>
    <message>
        <source>Population share</source>
        <translation>Part de la population</translation>
    </message>
    <message>
        <source>Population: {:g} inhabitants in the population input, {:g} placed on the zones, {:g} not placed (POPULATION_UNALLOCATED).</source>
        <translation>Population : {:g} habitants dans l'entrée de population, {:g} placés sur les zones, {:g} non placés (POPULATION_UNALLOCATED).</translation>
    </message>
    <message>
        <source>Postal codes of the member table missing from the reference layer, with their employment.</source>
        <translation>Codes postaux de la table des membres absents de la couche de référence, avec leur emploi.</translation>
    </message>
    <message>
        <source>Postal codes with members</source>
        <translation>Codes postaux ayant des membres</translation>
    </message>
    <message>
        <source>Postal zones</source>
        <translation>Zones postales</translation>
    </message>
    <message>
        <source>Postal zones from postcode points</source>
        <translation>Zones postales à partir des points des codes postaux</translation>
    </message>
    <message>
        <source>Postal-code reference layer</source>
        <translation>Couche de référence des codes postaux</translation>
    </message>
    <message>
        <source>Postal-code reference: zones (polygons; needed for network densities and the correlation) or points (one per code). Circles are placed on it.</source>
        <translation>Référence des codes postaux : zones (polygones ; nécessaires pour les densités du réseau et la corrélation) ou points (un par code). Les cercles y sont placés.</translation>
    </message>
    <message>
        <source>Postcode field</source>
        <translation>Champ du code postal</translation>
    </message>
    <message>
        <source>Postcode field (empty = detect)</source>
        <translation>Champ du code postal (vide = détection)</translation>
    </message>
    <message>
        <source>Postcode field of the sites table</source>
        <translation>Champ du code postal des sites</translation>
    </message>
    <message>
        <source>Postcode field of the table</source>
        <translation>Champ du code postal de la table</translation>
    </message>
    <message>
        <source>Postcode points</source>
        <translation>Points des codes postaux</translation>
    </message>
    <message>
        <source>Postcode to municipality table</source>
        <translation>Table code postal vers commune</translation>
    </message>
    <message>
        <source>Proportional circles by cluster</source>
        <translation>Cercles proportionnels par cluster</translation>
    </message>
    <message>
        <source>Proportional circles by entity kind</source>
        <translation>Cercles proportionnels par type d'entité</translation>
    </message>
    <message>
        <source>Proportional circles, one colour</source>
        <translation>Cercles proportionnels, une couleur</translation>
    </message>
    <message>
        <source>Public entities</source>
        <translation>Entités publiques</translation>
    </message>
    <message>
        <source>R&amp;D entities</source>
        <translation>Entités R&amp;D</translation>
    </message>
    <message>
        <source>Rank correlation</source>
        <translation>Corrélation des rangs</translation>
    </message>
    <message>
        <source>Read {} rows from sheet '{}' of {} (sheets: {}).</source>
        <translation>{} lignes lues dans la feuille « {} » de {} (feuilles : {}).</translation>
    </message>
    <message>
        <source>Read {} rows from the input layer.</source>
        <translation>{} lignes lues dans la couche d'entrée.</translation>
    </message>
    <message>
        <source>Read {} rows from {} (encoding {}, separator '{}').</source>
        <translation>{} lignes lues dans {} (encodage {}, séparateur « {} »).</translation>
    </message>
    <message>
        <source>Reading '{}' needs the Python package for '{}' ({}). Install it or save the sheet as CSV.</source>
        <translation>La lecture de '{}' demande le paquet Python de '{}' ({}). Installez-le ou enregistrez la feuille en CSV.</translation>
    </message>
    <message>
        <source>Region backdrop (Wallonia)</source>
        <translation>Fond de la région (Wallonie)</translation>
    </message>
    <message>
        <source>Region boundary</source>
        <translation>Limite de la région</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejets</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Lignes rejetées</translation>
    </message>
    <message>
        <source>Rejected rows or memberships</source>
        <translation>Lignes ou appartenances rejetées</translation>
    </message>
    <message>
        <source>Rejects by rule (JSON)</source>
        <translation>Rejets par règle (JSON)</translation>
    </message>
    <message>
        <source>Removed the incomplete output {}.</source>
        <translation>Sortie incomplète supprimée : {}.</translation>
    </message>
    <message>
        <source>Removed the incomplete output {}: the run stopped before it was complete; the file of that name is as it was before the run.</source>
        <translation>Sortie incomplète supprimée : {} ; l'exécution s'est arrêtée avant la fin ; le fichier de ce nom est tel qu'il était avant l'exécution.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Resolution (DPI)</source>
        <translation>Résolution (DPI)</translation>
    </message>
    <message>
        <source>Row {} is a total row: rejected (rule total_row); its employment {} is not counted in any total.</source>
        <translation>La ligne {} est une ligne de total : rejetée (règle total_row) ; son emploi {} n'est compté dans aucun total.</translation>
    </message>
    <message>
        <source>Rows or memberships not used, with the reason and rule.</source>
        <translation>Lignes ou appartenances non utilisées, avec la raison et la règle.</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Lignes lues</translation>
    </message>
    <message>
        <source>Rows with an empty cluster cell go to the default cluster '{}'.</source>
        <translation>Les lignes dont la cellule cluster est vide vont dans le cluster par défaut « {} ».</translation>
    </message>
    <message>
        <source>SEPARATOR '{}' must be one character other than a quote or a line break (; , | or tab); leave it empty to detect it.</source>
        <translation>SEPARATOR « {} » doit être un seul caractère autre qu'un guillemet ou un saut de ligne (; , | ou tab) ; laissez-le vide pour le détecter.</translation>
    </message>
    <message>
        <source>SOURCES is empty: the page says the sources are still to be given; name them (data, year, licence) for a page to publish.</source>
        <translation>SOURCES est vide : la page indique que les sources sont à préciser ; nommez-les (données, année, licence) pour une page à publier.</translation>
    </message>
    <message>
        <source>Separator (empty = detect)</source>
        <translation>Séparateur (vide = détection)</translation>
    </message>
    <message>
        <source>Several years: {}. One membership per entity, cluster and year; aggregate one year at a time (YEAR of Employment per postal code).</source>
        <translation>Plusieurs années : {}. Une appartenance par entité, cluster et année ; agrégez une année à la fois (YEAR de Emploi par code postal).</translation>
    </message>
    <message>
        <source>Share of employment whose zone lies within the distance of the class, versus the share of area and of population; affinity = employment share / area (population) share. Above 1: employment is closer to the network than land (people).</source>
        <translation>Part de l'emploi dont la zone est à moins de la distance de la classe, comparée à la part de la superficie et de la population ; affinité = part de l'emploi / part de la superficie (population). Au-dessus de 1 : l'emploi est plus proche du réseau que le territoire (la population).</translation>
    </message>
    <message>
        <source>Share of employment within a distance of the network</source>
        <translation>Part de l'emploi à moins d'une distance du réseau</translation>
    </message>
    <message>
        <source>Share within distance</source>
        <translation>Part à moins de la distance</translation>
    </message>
    <message>
        <source>Sheet '{}' not found in '{}'. Sheets: {}.</source>
        <translation>Feuille '{}' introuvable dans '{}'. Feuilles : {}.</translation>
    </message>
    <message>
        <source>Sheet '{}' of '{}' is empty.</source>
        <translation>La feuille « {} » de « {} » est vide.</translation>
    </message>
    <message>
        <source>Sheet '{}' of '{}' pads its rows with more than {:,} empty cells (row {} reaches column {}): delete the empty rows and columns around the table, or save the sheet as CSV.</source>
        <translation>La feuille « {} » de « {} » complète ses lignes par plus de {:,} cellules vides (la ligne {} atteint la colonne {}) : supprimez les lignes et colonnes vides autour du tableau, ou enregistrez la feuille en CSV.</translation>
    </message>
    <message>
        <source>Sheet '{}' of '{}' spans more than {:,} cells ({} rows x {} columns with values): delete the empty rows and columns around the table, or save the sheet as CSV.</source>
        <translation>La feuille « {} » de « {} » s'étend sur plus de {:,} cellules ({} lignes x {} colonnes avec des valeurs) : supprimez les lignes et colonnes vides autour du tableau, ou enregistrez la feuille en CSV.</translation>
    </message>
    <message>
        <source>Sheet (workbooks)</source>
        <translation>Feuille (classeurs)</translation>
    </message>
    <message>
        <source>Sheet number {} not found in '{}' (it has {} sheets: {}).</source>
        <translation>Feuille numéro {} introuvable dans '{}' (il a {} feuilles : {}).</translation>
    </message>
    <message>
        <source>Sheet of a workbook member table, by name or 0-based number; empty = the first sheet.</source>
        <translation>Feuille d'une table des membres en classeur, par nom ou numéro à partir de 0 ; vide = la première feuille.</translation>
    </message>
    <message>
        <source>Similar cluster names (JSON)</source>
        <translation>Noms de clusters semblables (JSON)</translation>
    </message>
    <message>
        <source>Site rows not used</source>
        <translation>Lignes de sites non utilisées</translation>
    </message>
    <message>
        <source>Site rows not used, by rule (JSON)</source>
        <translation>Lignes de sites non utilisées, par règle (JSON)</translation>
    </message>
    <message>
        <source>Site rows used</source>
        <translation>Lignes de sites utilisées</translation>
    </message>
    <message>
        <source>Sites table (head-office effect)</source>
        <translation>Table des sites (effet siège social)</translation>
    </message>
    <message>
        <source>Sites: {}</source>
        <translation>Sites : {}</translation>
    </message>
    <message>
        <source>Sites: {} of {} site rows not used ({}): see SITES_REJECTED / SITES_REJECTED_BY_RULE.</source>
        <translation>Sites : {} lignes de sites sur {} non utilisées ({}) : voir SITES_REJECTED / SITES_REJECTED_BY_RULE.</translation>
    </message>
    <message>
        <source>Slug to cluster name map (JSON)</source>
        <translation>Noms des clusters par slug (JSON)</translation>
    </message>
    <message>
        <source>Spatial level</source>
        <translation>Niveau spatial</translation>
    </message>
    <message>
        <source>Spearman rho (employment density vs network density)</source>
        <translation>Rho de Spearman (densité d'emploi et densité du réseau)</translation>
    </message>
    <message>
        <source>Spearman rho, whole network</source>
        <translation>Rho de Spearman, réseau entier</translation>
    </message>
    <message>
        <source>Spearman sample size</source>
        <translation>Taille de l'échantillon (Spearman)</translation>
    </message>
    <message>
        <source>Spearman's rho between employment density and network density per zone (average ranks for ties), with its sample size n.</source>
        <translation>Rho de Spearman entre densité d'emploi et densité du réseau par zone (rangs moyens pour les ex aequo), avec la taille de l'échantillon n.</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>Style applied</source>
        <translation>Style appliqué</translation>
    </message>
    <message>
        <source>Style: {}</source>
        <translation>Style : {}</translation>
    </message>
    <message>
        <source>Styled layer</source>
        <translation>Couche stylée</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Summary figures (JSON)</source>
        <translation>Chiffres du résumé (JSON)</translation>
    </message>
    <message>
        <source>The atlas page when no network is given (filled from EXPORT:PAGE by the plugin).</source>
        <translation>La page d'atlas quand aucun réseau n'est donné (remplie à partir de EXPORT:PAGE par l'extension).</translation>
    </message>
    <message>
        <source>The atlas page: PDF (one page, or one per cluster) or PNG.</source>
        <translation>La page d'atlas : PDF (une page, ou une par cluster) ou PNG.</translation>
    </message>
    <message>
        <source>The boundary layer has no polygon: nothing to cover.</source>
        <translation>La couche de limite n'a aucun polygone : rien à couvrir.</translation>
    </message>
    <message>
        <source>The exclusion table has no column.</source>
        <translation>La table d'exclusion n'a aucune colonne.</translation>
    </message>
    <message>
        <source>The layer {} has no {} field '{}' needed by the style {}; choose the field by parameter.</source>
        <translation>La couche {} n'a pas le champ de {} « {} » requis par le style {} ; choisissez le champ par paramètre.</translation>
    </message>
    <message>
        <source>The member table: one row per entity and cluster (CSV, XLSX/ODS or any layer or table). Columns are detected as by Import member table.</source>
        <translation>La table des membres : une ligne par entité et par cluster (CSV, XLSX/ODS ou toute couche ou table). Les colonnes sont détectées comme par Importer les membres des clusters.</translation>
    </message>
    <message>
        <source>The municipality constraint needs both the municipality layer (MUNICIPALITIES) and the postcode to municipality table (LOOKUP); give both or neither.</source>
        <translation>La contrainte communale demande à la fois la couche des communes (MUNICIPALITIES) et la table code postal vers commune (LOOKUP) ; donnez les deux ou aucune.</translation>
    </message>
    <message>
        <source>The reference layer has no valid postcode in field '{}': check POSTCODE_FIELD.</source>
        <translation>La couche de référence n'a aucun code postal valide dans le champ « {} » : vérifiez POSTCODE_FIELD.</translation>
    </message>
    <message>
        <source>The style {} is for {} layers but INPUT has {} geometries; choose another style or layer.</source>
        <translation>Le style {} est destiné aux couches {} mais INPUT a des géométries {} ; choisissez un autre style ou une autre couche.</translation>
    </message>
    <message>
        <source>The working CRS {} is geographic: choose a projected CRS (TARGET_CRS).</source>
        <translation>Le SCR de travail {} est géographique : choisissez un SCR projeté (TARGET_CRS).</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Title printed on the page.</source>
        <translation>Titre imprimé sur la page.</translation>
    </message>
    <message>
        <source>Total employment</source>
        <translation>Emploi total</translation>
    </message>
    <message>
        <source>Training entities</source>
        <translation>Entités de formation</translation>
    </message>
    <message>
        <source>Type values onto classes</source>
        <translation>Valeurs du type vers les classes</translation>
    </message>
    <message>
        <source>Unknown ellipsoid {}: set a valid ellipsoid or use the planar method.</source>
        <translation>Ellipsoïde inconnu {} : choisissez un ellipsoïde valide ou la méthode planimétrique.</translation>
    </message>
    <message>
        <source>Unknown encoding '{}': {}</source>
        <translation>Encodage inconnu « {} » : {}</translation>
    </message>
    <message>
        <source>Unknown parameter {key} (did you mean {name}?): ignored.</source>
        <translation>Paramètre inconnu {key} (vouliez-vous dire {name} ?) : ignoré.</translation>
    </message>
    <message>
        <source>Unknown parameter {key}: ignored; scripts/qgis_process help {alg} lists the parameters.</source>
        <translation>Paramètre inconnu {key} : ignoré ; scripts/qgis_process help {alg} liste les paramètres.</translation>
    </message>
    <message>
        <source>Unmapped type values (count): {}</source>
        <translation>Valeurs de type non associées (nombre) : {}</translation>
    </message>
    <message>
        <source>Unmatched postcodes</source>
        <translation>Codes postaux non appariés</translation>
    </message>
    <message>
        <source>Unsupported file type '{}' for '{}': use CSV/TXT/TSV, XLSX or ODS.</source>
        <translation>Type de fichier '{}' non pris en charge pour '{}' : utilisez CSV/TXT/TSV, XLSX ou ODS.</translation>
    </message>
    <message>
        <source>Valid employment read</source>
        <translation>Emploi valide lu</translation>
    </message>
    <message>
        <source>Value at that diameter (0 = layer maximum)</source>
        <translation>Valeur à ce diamètre (0 = maximum)</translation>
    </message>
    <message>
        <source>Value field</source>
        <translation>Champ de valeur</translation>
    </message>
    <message>
        <source>Weight field of the sites table</source>
        <translation>Champ du poids des sites</translation>
    </message>
    <message>
        <source>Wide layer: {} circles, one per postal code and {}.</source>
        <translation>Couche large : {} cercles, un par code postal et {}.</translation>
    </message>
    <message>
        <source>With a population layer, choose POPULATION_ID_FIELD and POPULATION_FIELD.</source>
        <translation>Avec une couche de population, choisissez POPULATION_ID_FIELD et POPULATION_FIELD.</translation>
    </message>
    <message>
        <source>With a postcode to municipality table, choose LOOKUP_POSTCODE_FIELD and LOOKUP_MUNICIPALITY_FIELD.</source>
        <translation>Avec une table code postal vers commune, choisissez LOOKUP_POSTCODE_FIELD et LOOKUP_MUNICIPALITY_FIELD.</translation>
    </message>
    <message>
        <source>With a sites table, choose SITES_ENTITY_FIELD and SITES_POSTCODE_FIELD.</source>
        <translation>Avec une table des sites, choisissez SITES_ENTITY_FIELD et SITES_POSTCODE_FIELD.</translation>
    </message>
    <message>
        <source>With municipalities, choose MUNICIPALITY_FIELD (id in the municipality layer), LOOKUP_POSTCODE_FIELD and LOOKUP_MUNICIPALITY_FIELD (in the table).</source>
        <translation>Avec des communes, choisissez MUNICIPALITY_FIELD (identifiant dans la couche des communes), LOOKUP_POSTCODE_FIELD et LOOKUP_MUNICIPALITY_FIELD (dans la table).</translation>
    </message>
    <message>
        <source>Working CRS (projected)</source>
        <translation>SCR de travail (projeté)</translation>
    </message>
    <message>
        <source>Working CRS: {}</source>
        <translation>SCR de travail : {}</translation>
    </message>
    <message>
        <source>Write one page per cluster (PDF) instead of one page with all clusters.</source>
        <translation>Écrire une page par cluster (PDF) au lieu d'une page avec tous les clusters.</translation>
    </message>
    <message>
        <source>Year field (empty = detect)</source>
        <translation>Champ de l'année (vide = détection)</translation>
    </message>
    <message>
        <source>Zone feature {} (id {}) has a negative employment ({}) in field {}; fix the value or filter the zone out.</source>
        <translation>L'entité de zone {} (id {}) a un emploi négatif ({}) dans le champ {} ; corrigez la valeur ou excluez la zone.</translation>
    </message>
    <message>
        <source>Zone key field {} not found in the zones.</source>
        <translation>Champ de clé des zones {} introuvable dans les zones.</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Zones (polygons or points) with employment</source>
        <translation>Zones (polygones ou points) avec l'emploi</translation>
    </message>
    <message>
        <source>Zones against boundary area (%)</source>
        <translation>Surface des zones par rapport à la limite (%)</translation>
    </message>
    <message>
        <source>Zones measured from the employment-weighted centre of their members: {}; from their own point: {}.</source>
        <translation>Zones mesurées depuis le centre de leurs membres pondéré par l'emploi : {} ; depuis leur propre point : {}.</translation>
    </message>
    <message>
        <source>Zones read: {}; without geometry: {}; invalid geometries repaired: {}; unusable geometries: {}; NULL employment counted as 0: {}; NULL population counted as 0: {}.</source>
        <translation>Zones lues : {} ; sans géométrie : {} ; géométries invalides réparées : {} ; géométries inutilisables : {} ; emploi NULL compté 0 : {} ; population NULL comptée 0 : {}.</translation>
    </message>
    <message>
        <source>Zones with employment</source>
        <translation>Zones avec l'emploi</translation>
    </message>
    <message>
        <source>Zones with network figures</source>
        <translation>Zones avec les chiffres du réseau</translation>
    </message>
    <message>
        <source>Zones with network figures (only when a network is given).</source>
        <translation>Zones avec les chiffres du réseau (seulement si un réseau est donné).</translation>
    </message>
    <message>
        <source>Zones within</source>
        <translation>Zones à moins de</translation>
    </message>
    <message>
        <source>Zones: light outlines</source>
        <translation>Zones : contours légers</translation>
    </message>
    <message>
        <source>and {} more</source>
        <translation>et {} autres</translation>
    </message>
    <message>
        <source>area, {}</source>
        <translation>superficie, {}</translation>
    </message>
    <message>
        <source>atlas,layout,print,pdf,png,svg,map,export,cluster</source>
        <translation>atlas,mise en page,impression,pdf,png,svg,carte,export,cluster</translation>
    </message>
    <message>
        <source>by key ({} = {})</source>
        <translation>par clé ({} = {})</translation>
    </message>
    <message>
        <source>byte order mark</source>
        <translation>marque d'ordre des octets (BOM)</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>choisie</translation>
    </message>
    <message>
        <source>cluster filter</source>
        <translation>filtre des clusters</translation>
    </message>
    <message>
        <source>cluster filter: no member in {}</source>
        <translation>filtre des clusters : aucun membre dans {}</translation>
    </message>
    <message>
        <source>cluster,members,import,csv,xlsx,ods,postcode,employment,effectif,clean</source>
        <translation>cluster,membres,importation,csv,xlsx,ods,code postal,emploi,effectif,nettoyage</translation>
    </message>
    <message>
        <source>code not in the postcode to municipality table</source>
        <translation>code absent de la table code postal vers commune</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>détectée</translation>
    </message>
    <message>
        <source>duplicate of row {}</source>
        <translation>doublon de la ligne {}</translation>
    </message>
    <message>
        <source>duplicate of row {} (same entity, cluster and year {:d})</source>
        <translation>doublon de la ligne {} (même entité, même cluster et même année {:d})</translation>
    </message>
    <message>
        <source>employment '{}' is implausible for one entity (above {}, more than the largest employer on earth): check the cell</source>
        <translation>l'emploi '{}' est invraisemblable pour une entité (au-delà de {}, plus que le plus grand employeur du monde) : vérifiez la cellule</translation>
    </message>
    <message>
        <source>employment '{}' is not a finite number</source>
        <translation>l'emploi '{}' n'est pas un nombre fini</translation>
    </message>
    <message>
        <source>employment '{}' is not a number, a size class (10-19) or unknown (n.c., ?)</source>
        <translation>l'emploi '{}' n'est ni un nombre, ni une classe de taille (10-19), ni inconnu (n.c., ?)</translation>
    </message>
    <message>
        <source>employment {:g} above the ceiling {:g} (cluster {})</source>
        <translation>emploi {:g} au-dessus du plafond {:g} (cluster {})</translation>
    </message>
    <message>
        <source>employment, {}</source>
        <translation>emploi, {}</translation>
    </message>
    <message>
        <source>employment,headcount,postcode,postal code,cluster,aggregate,location quotient,population,circles</source>
        <translation>emploi,effectif,code postal,cluster,agrégation,quotient de localisation,population,cercles</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>empty row</source>
        <translation>ligne vide</translation>
    </message>
    <message>
        <source>empty zone</source>
        <translation>zone vide</translation>
    </message>
    <message>
        <source>excluded by the exclusion list ('{}' for cluster {})</source>
        <translation>exclu par la liste d'exclusion ('{}' pour le cluster {})</translation>
    </message>
    <message>
        <source>excluded by the exclusion list ('{}' for cluster {}): {}</source>
        <translation>exclu par la liste d'exclusion ('{}' pour le cluster {}) : {}</translation>
    </message>
    <message>
        <source>excluded by the exclusion list ('{}')</source>
        <translation>exclu par la liste d'exclusion ('{}')</translation>
    </message>
    <message>
        <source>excluded by the exclusion list ('{}'): {}</source>
        <translation>exclu par la liste d'exclusion ('{}') : {}</translation>
    </message>
    <message>
        <source>invalid Belgian postcode '{raw}' (expected 4 digits 1000-9999)</source>
        <translation>code postal belge invalide '{raw}' (attendu : 4 chiffres 1000-9999)</translation>
    </message>
    <message>
        <source>invalid Dutch postcode '{raw}' (expected 4 digits and 2 letters, e.g. 1012 AB)</source>
        <translation>code postal néerlandais invalide '{raw}' (attendu : 4 chiffres et 2 lettres, p. ex. 1012 AB)</translation>
    </message>
    <message>
        <source>invalid French postcode '{raw}' (expected 5 digits)</source>
        <translation>code postal français invalide '{raw}' (attendu : 5 chiffres)</translation>
    </message>
    <message>
        <source>invalid German postcode '{raw}' (expected 5 digits)</source>
        <translation>code postal allemand invalide '{raw}' (attendu : 5 chiffres)</translation>
    </message>
    <message>
        <source>invalid Luxembourg postcode '{raw}' (expected 4 digits)</source>
        <translation>code postal luxembourgeois invalide '{raw}' (attendu : 4 chiffres)</translation>
    </message>
    <message>
        <source>its folder {} cannot be written (read-only or no permission)</source>
        <translation>son dossier {} n'est pas accessible en écriture (lecture seule ou pas d'autorisation)</translation>
    </message>
    <message>
        <source>its folder {} does not exist</source>
        <translation>son dossier {} n'existe pas</translation>
    </message>
    <message>
        <source>kind filter</source>
        <translation>filtre des types</translation>
    </message>
    <message>
        <source>kind filter: no member of kind {}</source>
        <translation>filtre des types : aucun membre du type {}</translation>
    </message>
    <message>
        <source>line</source>
        <translation>ligne</translation>
    </message>
    <message>
        <source>line {}</source>
        <translation>ligne {} du fichier</translation>
    </message>
    <message>
        <source>line {} is above the header (line {}): a title or a note, not a row of the table</source>
        <translation>la ligne {} est au-dessus de l'en-tête (ligne {}) : un titre ou une note, pas une ligne du tableau</translation>
    </message>
    <message>
        <source>line {} repeats the header: the rows below it are read with its column names</source>
        <translation>la ligne {} répète l'en-tête : les lignes en dessous sont lues avec ses noms de colonnes</translation>
    </message>
    <message>
        <source>missing entity name</source>
        <translation>nom de l'entité manquant</translation>
    </message>
    <message>
        <source>missing postcode</source>
        <translation>code postal manquant</translation>
    </message>
    <message>
        <source>multipoint: every part is used as a point of the code</source>
        <translation>multipoint : chaque partie est utilisée comme point du code</translation>
    </message>
    <message>
        <source>municipality polygon without id: its land goes to the nearest points</source>
        <translation>polygone de commune sans identifiant : son territoire va aux points les plus proches</translation>
    </message>
    <message>
        <source>negative employment '{}'</source>
        <translation>emploi négatif '{}'</translation>
    </message>
    <message>
        <source>network,copper,fibre,fiber,overlay,distance,length,density,spearman,affinity,cluster</source>
        <translation>réseau,cuivre,fibre,superposition,distance,longueur,densité,spearman,affinité,cluster</translation>
    </message>
    <message>
        <source>no</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>no cluster (empty cluster cell and no default cluster)</source>
        <translation>pas de cluster (cellule cluster vide et pas de cluster par défaut)</translation>
    </message>
    <message>
        <source>no country for postcode '{raw}' and no default country</source>
        <translation>pas de pays pour le code postal '{raw}' et pas de pays par défaut</translation>
    </message>
    <message>
        <source>no land is closer to this code's point than to another one: no zone</source>
        <translation>aucun territoire n'est plus proche du point de ce code que d'un autre : pas de zone</translation>
    </message>
    <message>
        <source>no postcode of this municipality ({:.2f} km2): its land goes to the nearest points</source>
        <translation>aucun code postal pour cette commune ({:.2f} km2) : son territoire va aux points les plus proches</translation>
    </message>
    <message>
        <source>none of this code's points could be used: no zone</source>
        <translation>aucun point de ce code n'a pu être utilisé : pas de zone</translation>
    </message>
    <message>
        <source>not joined: point zones need MEMBER_ZONE_FIELD and ZONE_KEY_FIELD</source>
        <translation>non joints : des zones ponctuelles demandent MEMBER_ZONE_FIELD et ZONE_KEY_FIELD</translation>
    </message>
    <message>
        <source>point at the same place as code {}: that code keeps the place</source>
        <translation>point au même endroit que le code {} : ce code garde l'endroit</translation>
    </message>
    <message>
        <source>point without geometry: not used</source>
        <translation>point sans géométrie : non utilisé</translation>
    </message>
    <message>
        <source>point {:.0f} m outside its municipality: moved to its edge there</source>
        <translation>point à {:.0f} m hors de sa commune : déplacé sur le bord de celle-ci</translation>
    </message>
    <message>
        <source>point {:.0f} m outside the boundary (more than MAX_OUTSIDE_DISTANCE): not used</source>
        <translation>point à {:.0f} m hors de la limite (plus que MAX_OUTSIDE_DISTANCE) : non utilisé</translation>
    </message>
    <message>
        <source>point {:.0f} m outside the boundary: used</source>
        <translation>point à {:.0f} m hors de la limite : utilisé</translation>
    </message>
    <message>
        <source>polygon</source>
        <translation>polygone</translation>
    </message>
    <message>
        <source>population, {}</source>
        <translation>population, {}</translation>
    </message>
    <message>
        <source>postcode '{raw}' has prefix {prefix} but the country column says {country}</source>
        <translation>le code postal '{raw}' a le préfixe {prefix} mais la colonne pays indique {country}</translation>
    </message>
    <message>
        <source>postcode,postal code,voronoi,thiessen,zones,municipality,boundary</source>
        <translation>code postal,voronoï,thiessen,zones,commune,limite</translation>
    </message>
    <message>
        <source>row {} (line {})</source>
        <translation>ligne {} (ligne {} du fichier)</translation>
    </message>
    <message>
        <source>row {} has {} fields</source>
        <translation>la ligne {} a {} champs</translation>
    </message>
    <message>
        <source>sites: employment of {} entit(ies) re-allocated over {} site(s)</source>
        <translation>sites : emploi de {} entité(s) réparti sur {} site(s)</translation>
    </message>
    <message>
        <source>size class '{}' is not a range low-high</source>
        <translation>la classe de taille '{}' n'est pas un intervalle bas-haut</translation>
    </message>
    <message>
        <source>some municipalities of this code are not in the municipality layer</source>
        <translation>certaines communes de ce code ne sont pas dans la couche des communes</translation>
    </message>
    <message>
        <source>spatially (first zone holding the point)</source>
        <translation>spatialement (première zone contenant le point)</translation>
    </message>
    <message>
        <source>style,symbology,proportional circles,choropleth,qml,atlas,cluster</source>
        <translation>style,symbologie,cercles proportionnels,choroplèthe,qml,atlas,cluster</translation>
    </message>
    <message>
        <source>the disk is full: free some space or choose another folder</source>
        <translation>le disque est plein : libérez de la place ou choisissez un autre dossier</translation>
    </message>
    <message>
        <source>the file is in use or read-only: close it in the program that has it open</source>
        <translation>le fichier est utilisé ou en lecture seule : fermez-le dans le programme qui l'a ouvert</translation>
    </message>
    <message>
        <source>the first point is used</source>
        <translation>le premier point est utilisé</translation>
    </message>
    <message>
        <source>the member table has no 'cluster' field: use the OUTPUT of the import</source>
        <translation>la table des membres n'a pas de champ 'cluster' : utilisez la sortie OUTPUT de l'importation</translation>
    </message>
    <message>
        <source>the member table has no 'employment' field: use the OUTPUT of the import</source>
        <translation>la table des membres n'a pas de champ 'employment' : utilisez la sortie OUTPUT de l'importation</translation>
    </message>
    <message>
        <source>the member table has no 'pc_key' or 'postcode' field: use the OUTPUT of the import</source>
        <translation>la table des membres n'a ni champ 'pc_key' ni champ 'postcode' : utilisez la sortie OUTPUT de l'importation</translation>
    </message>
    <message>
        <source>the member table holds several years ({}): choose one with YEAR (Only this year); an entity counts once per zone, so years cannot be added up or mixed</source>
        <translation>la table des membres contient plusieurs années ({}) : choisissez-en une avec YEAR (Seulement cette année) ; une entité compte une fois par zone, les années ne peuvent donc être ni additionnées ni mélangées</translation>
    </message>
    <message>
        <source>the rows do not match it</source>
        <translation>les lignes ne lui correspondent pas</translation>
    </message>
    <message>
        <source>the table's municipalities {} are not in the layer</source>
        <translation>les communes {} de la table ne sont pas dans la couche</translation>
    </message>
    <message>
        <source>their polygons are merged</source>
        <translation>leurs polygones sont fusionnés</translation>
    </message>
    <message>
        <source>total row ('{}'): not a member; its employment ({}) is not counted</source>
        <translation>ligne de total ('{}') : pas un membre ; son emploi ({}) n'est pas compté</translation>
    </message>
    <message>
        <source>unknown country '{country}' for postcode '{raw}'</source>
        <translation>pays inconnu '{country}' pour le code postal '{raw}'</translation>
    </message>
    <message>
        <source>unknown country prefix '{prefix}' in postcode '{raw}'</source>
        <translation>préfixe de pays inconnu '{prefix}' dans le code postal '{raw}'</translation>
    </message>
    <message>
        <source>unreadable postcode '{raw}'</source>
        <translation>code postal illisible '{raw}'</translation>
    </message>
    <message>
        <source>unsupported country '{country}' for postcode '{raw}'</source>
        <translation>pays '{country}' non pris en charge pour le code postal '{raw}'</translation>
    </message>
    <message>
        <source>year filter ({}; rows without year are left out too)</source>
        <translation>filtre de l'année ({} ; les lignes sans année sont aussi écartées)</translation>
    </message>
    <message>
        <source>year filter: no member in {} (years in the table: {})</source>
        <translation>filtre de l'année : aucun membre en {} (années de la table : {})</translation>
    </message>
    <message>
        <source>{:.3f} km2 of the boundary are outside the municipalities with a postcode: given to the nearest points.</source>
        <translation>{:.3f} km2 de la limite sont hors des communes ayant un code postal : attribués aux points les plus proches.</translation>
    </message>
    <message>
        <source>{alg} stopped on an unexpected error: {message}. Please report it with the file {path} (it holds the details).</source>
        <translation>{alg} s'est arrêté sur une erreur inattendue : {message}. Merci de la signaler avec le fichier {path} (il en donne le détail).</translation>
    </message>
    <message>
        <source>{alg} stopped on an unexpected error: {message}. Please report it with the log (it holds the details).</source>
        <translation>{alg} s'est arrêté sur une erreur inattendue : {message}. Merci de la signaler avec le journal (il en donne le détail).</translation>
    </message>
    <message>
        <source>{cls}: within {d} km: {e:.1%} of employment, {a:.1%} of area, affinity {r:.2f}</source>
        <translation>{cls} : à moins de {d} km : {e:.1%} de l'emploi, {a:.1%} de la superficie, affinité {r:.2f}</translation>
    </message>
    <message>
        <source>{key} is a qgis_process setting, not a parameter: not applied; give it before '--' (--{setting}=...).</source>
        <translation>{key} est un réglage de qgis_process, pas un paramètre : non appliqué ; donnez-le avant « -- » (--{setting}=...).</translation>
    </message>
    <message>
        <source>{name} is required: give a value (scripts/qgis_process help {alg} lists the parameters).</source>
        <translation>{name} est obligatoire : donnez une valeur (scripts/qgis_process help {alg} liste les paramètres).</translation>
    </message>
    <message>
        <source>{name}: '{value}' is not a valid value; see scripts/qgis_process help {alg}.</source>
        <translation>{name} : « {value} » n'est pas une valeur valide ; voir scripts/qgis_process help {alg}.</translation>
    </message>
    <message>
        <source>{name}: '{value}' is not one of the choices; give the number of one of: {options}.</source>
        <translation>{name} : « {value} » n'est pas un des choix ; donnez le numéro de l'un d'eux : {options}.</translation>
    </message>
    <message>
        <source>{name}: field '{field}' is not in {parent}; its fields are: {names}.</source>
        <translation>{name} : le champ « {field} » n'est pas dans {parent} ; ses champs sont : {names}.</translation>
    </message>
    <message>
        <source>{name}: file {path} not found; give an existing file (a GeoPackage layer as file.gpkg|layername=name).</source>
        <translation>{name} : fichier {path} introuvable ; donnez un fichier existant (une couche GeoPackage sous la forme fichier.gpkg|layername=nom).</translation>
    </message>
    <message>
        <source>{name}: {path} is being written by another run (a batch row or another QGIS): wait for it to finish or choose another file.</source>
        <translation>{name} : {path} est en cours d'écriture par une autre exécution (une ligne du traitement par lots ou un autre QGIS) : attendez qu'elle se termine ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>{name}: {path} is in use (open for writing in another program, or edited in this project): close it, or stop editing, or choose another file.</source>
        <translation>{name} : {path} est utilisé (ouvert en écriture dans un autre programme, ou en cours d'édition dans ce projet) : fermez-le, quittez le mode édition ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>{name}: {value} could not be opened as a layer; check the file and the layer name (file.gpkg|layername=name).</source>
        <translation>{name} : {value} n'a pas pu être ouvert comme couche ; vérifiez le fichier et le nom de la couche (fichier.gpkg|layername=nom).</translation>
    </message>
    <message>
        <source>{output} would overwrite {path}, the file of the input {source}: choose another file for {output} (nothing was written).</source>
        <translation>{output} écraserait {path}, le fichier de l'entrée {source} : choisissez un autre fichier pour {output} (rien n'a été écrit).</translation>
    </message>
    <message>
        <source>{} '{}' cannot decode line {} of '{}' (byte 0x{}): leave it empty to detect the encoding, or give the right one.</source>
        <translation>{} « {} » ne peut pas décoder la ligne {} de « {} » (octet 0x{}) : laissez-le vide pour détecter l'encodage, ou donnez le bon.</translation>
    </message>
    <message>
        <source>{} ({} memberships)</source>
        <translation>{} ({} appartenances)</translation>
    </message>
    <message>
        <source>{} and {} more</source>
        <translation>{} et {} autres</translation>
    </message>
    <message>
        <source>{} blank row(s) after the last data row ignored.</source>
        <translation>{} ligne(s) vide(s) après la dernière ligne de données ignorée(s).</translation>
    </message>
    <message>
        <source>{} employment value(s) are not numbers and count as unknown</source>
        <translation>{} valeur(s) d'emploi ne sont pas des nombres et comptent comme inconnues</translation>
    </message>
    <message>
        <source>{} entit(ies) with zero total site weight keep their head office</source>
        <translation>{} entité(s) dont le poids total des sites est nul gardent leur siège</translation>
    </message>
    <message>
        <source>{} entities have different employment in their memberships; the largest value is used.</source>
        <translation>{} entités ont un emploi différent selon leurs appartenances ; la plus grande valeur est utilisée.</translation>
    </message>
    <message>
        <source>{} entity-postcode pairs ({} postal codes, employment {:g}) are not in the reference layer or have no valid postcode: see UNMATCHED.</source>
        <translation>{} paires entité-code postal ({} codes postaux, emploi {:g}) ne sont pas dans la couche de référence ou n'ont pas de code postal valide : voir UNMATCHED.</translation>
    </message>
    <message>
        <source>{} feature(s) of the reference layer have an invalid postcode and are not used, e.g. {}</source>
        <translation>{} entité(s) de la couche de référence ont un code postal invalide et ne sont pas utilisées, par ex. {}</translation>
    </message>
    <message>
        <source>{} input row(s) have no membership in the member table: see the Rejected output.</source>
        <translation>{} ligne(s) d'entrée sans appartenance dans la table des membres : voir la sortie Rejets.</translation>
    </message>
    <message>
        <source>{} issues reported (REPORT output): {}</source>
        <translation>{} problèmes signalés (sortie REPORT) : {}</translation>
    </message>
    <message>
        <source>{} line(s) of '{}' are not valid UTF-8 (bytes of another encoding, e.g. an 'é' typed in a Windows editor): those bytes were read as Windows-1252 and the rows flagged encoding_repaired: {}.</source>
        <translation>{} ligne(s) de « {} » ne sont pas en UTF-8 valide (octets d'un autre encodage, par ex. un « é » tapé dans un éditeur Windows) : ces octets ont été lus en Windows-1252 et les lignes marquées encoding_repaired : {}.</translation>
    </message>
    <message>
        <source>{} line(s) of '{}' hold bytes undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90 or 0x9D), kept as control characters: {}. The file may be in another encoding: give it with the ENCODING parameter.</source>
        <translation>{} ligne(s) de « {} » contiennent des octets non définis en Windows-1252 (0x81, 0x8D, 0x8F, 0x90 ou 0x9D), gardés comme caractères de contrôle : {}. Le fichier est peut-être dans un autre encodage : donnez-le avec le paramètre ENCODING.</translation>
    </message>
    <message>
        <source>{} memberships of {} entities; employment {:g} (each entity once): {:g} in {} postal codes, {:g} unmatched.</source>
        <translation>{} appartenances de {} entités ; emploi {:g} (chaque entité une fois) : {:g} dans {} codes postaux, {:g} non apparié.</translation>
    </message>
    <message>
        <source>{} memberships with an estimated employment (size class), {} with an unknown employment (NULL).</source>
        <translation>{} appartenances avec un emploi estimé (classe de taille), {} avec un emploi inconnu (NULL).</translation>
    </message>
    <message>
        <source>{} municipalities ({:g} inhabitants) have no postal code of the reference layer in the table, e.g. {}: their population is not allocated.</source>
        <translation>{} communes ({:g} habitants) n'ont aucun code postal de la couche de référence dans la table, par ex. {} : leur population n'est pas répartie.</translation>
    </message>
    <message>
        <source>{} points for this code: its zone is the union of their cells</source>
        <translation>{} points pour ce code : sa zone est l'union de leurs cellules</translation>
    </message>
    <message>
        <source>{} points used for {} postal codes.</source>
        <translation>{} points utilisés pour {} codes postaux.</translation>
    </message>
    <message>
        <source>{} postal codes get no population (not in the table, or their municipalities have none), e.g. {}.</source>
        <translation>{} codes postaux ne reçoivent aucune population (absents de la table, ou leurs communes n'en ont pas), par ex. {}.</translation>
    </message>
    <message>
        <source>{} postcode(s) appear several times in the reference layer (e.g. {}): {}</source>
        <translation>{} code(s) postal(aux) apparaissent plusieurs fois dans la couche de référence (par ex. {}) : {}</translation>
    </message>
    <message>
        <source>{} postcode(s) normalised here (no pc_key in the table)</source>
        <translation>{} code(s) postal(aux) normalisé(s) ici (pas de pc_key dans la table)</translation>
    </message>
    <message>
        <source>{} postcode(s) of the reference layer have no usable geometry (NULL, EMPTY or beyond repair), e.g. {}: they are left out of the zones and their members go to UNMATCHED.</source>
        <translation>{} code(s) postal(aux) de la couche de référence sans géométrie utilisable (NULL, vide ou irréparable), p. ex. {} : ils sont écartés des zones et leurs membres vont dans UNMATCHED.</translation>
    </message>
    <message>
        <source>{} rows of the postcode to municipality table have an invalid postcode and are not used.</source>
        <translation>{} lignes de la table code postal vers commune ont un code postal invalide et ne sont pas utilisées.</translation>
    </message>
    <message>
        <source>{} rows read: {} memberships of {} entities in {} clusters; {} rejected.</source>
        <translation>{} lignes lues : {} appartenances de {} entités dans {} clusters ; {} rejets.</translation>
    </message>
    <message>
        <source>{} site row(s) name no entity of the member table (e.g. {}): not used</source>
        <translation>{} ligne(s) de sites ne désignent aucune entité de la table des membres (p. ex. {}) : non utilisées</translation>
    </message>
    <message>
        <source>{} site row(s) with a negative weight are not used</source>
        <translation>{} ligne(s) de sites avec un poids négatif ne sont pas utilisées</translation>
    </message>
    <message>
        <source>{} site row(s) without a valid postcode are not used</source>
        <translation>{} ligne(s) de sites sans code postal valide ne sont pas utilisées</translation>
    </message>
    <message>
        <source>{} was being written when the run stopped; it also holds other layers, so it was kept: check or delete it.</source>
        <translation>{} était en cours d'écriture quand le traitement s'est arrêté ; il contient aussi d'autres couches, il a donc été gardé : vérifiez-le ou supprimez-le.</translation>
    </message>
    <message>
        <source>{} zones repeat a key of field {}; members join the first zone with the key.</source>
        <translation>{} zones répètent une clé du champ {} ; les membres sont joints à la première zone portant la clé.</translation>
    </message>
    <message>
        <source>{} zones; their area differs from the boundary's by {:.4f}%.</source>
        <translation>{} zones ; leur surface diffère de celle de la limite de {:.4f} %.</translation>
    </message>
    <message>
        <source>{}: column '{}' ({}){}</source>
        <translation>{} : colonne « {} » ({}){}</translation>
    </message>
    <message>
        <source>{}: column '{}' is not in the input. Columns: {}.</source>
        <translation>{} : la colonne « {} » n'existe pas dans l'entrée. Colonnes : {}.</translation>
    </message>
    <message>
        <source>{}: could not open the layer {}.</source>
        <translation>{} : impossible d'ouvrir la couche {}.</translation>
    </message>
    <message>
        <source>{}: diameter {} mm for {}</source>
        <translation>{} : diamètre {} mm pour {}</translation>
    </message>
    <message>
        <source>{}: no column</source>
        <translation>{} : aucune colonne</translation>
    </message>
    <message>
        <source>{}: {} feature(s) with an EMPTY geometry, treated as without geometry (like NULL): {}.</source>
        <translation>{} : {} entité(s) à géométrie VIDE (EMPTY), traitée(s) comme sans géométrie (comme NULL) : {}.</translation>
    </message>
    <message>
        <source>{}: {} feature(s) without geometry (NULL): {}.</source>
        <translation>{} : {} entité(s) sans géométrie (NULL) : {}.</translation>
    </message>
    <message>
        <source>{}: {} invalid polygon(s) (self-intersection, overlapping parts...) repaired with makeValid; their repaired polygons are used: {}.</source>
        <translation>{} : {} polygone(s) invalide(s) (auto-intersection, parties qui se chevauchent...) réparé(s) par makeValid ; leurs polygones réparés sont utilisés : {}.</translation>
    </message>
    <message>
        <source>{}: {} invalid polygon(s) not used: nothing polygonal is left once repaired with makeValid (treated as without geometry): {}.</source>
        <translation>{} : {} polygone(s) invalide(s) non utilisé(s) : la réparation par makeValid n'en laisse aucune surface (traité(s) comme sans géométrie) : {}.</translation>
    </message>
    <message>
        <source>{}: {} is not a {} layer; it is left off the page.</source>
        <translation>{} : {} n'est pas une couche de type {} ; elle n'apparaît pas sur la page.</translation>
    </message>
    <message>
        <source>{}: {} membership(s), {:g} employment (membership rows) left out</source>
        <translation>{} : {} appartenance(s), {:g} d'emploi (lignes d'appartenance) écartés</translation>
    </message>
</context>
</TS>
