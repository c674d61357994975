<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>revenue</name>
    <message>
        <source>Property tax</source>
        <extracomment>Plain-language names of the kinds (for tables and menus).</extracomment>
        <translation>Impuesto a la propiedad</translation>
    </message>
    <message>
        <source>Sales tax</source>
        <translation>Impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>Hotel tax (TOT)</source>
        <translation>Impuesto hotelero (TOT)</translation>
    </message>
    <message>
        <source>Business tax</source>
        <translation>Impuesto a los negocios</translation>
    </message>
    <message>
        <source>Utility users tax</source>
        <translation>Impuesto a usuarios de servicios públicos</translation>
    </message>
    <message>
        <source>Property transfer tax</source>
        <translation>Impuesto sobre transferencias de propiedad</translation>
    </message>
    <message>
        <source>Parcel tax</source>
        <translation>Impuesto por parcela</translation>
    </message>
    <message>
        <source>Franchise fees</source>
        <translation>Cuotas de franquicia</translation>
    </message>
    <message>
        <source>Taxes (several kinds together)</source>
        <translation>Impuestos (varios tipos juntos)</translation>
    </message>
    <message>
        <source>Other revenue (growth rate)</source>
        <translation>Otros ingresos (tasa de crecimiento)</translation>
    </message>
    <message>
        <source>Transfers in</source>
        <translation>Transferencias recibidas</translation>
    </message>
    <message>
        <source>One-time revenue</source>
        <translation>Ingresos únicos</translation>
    </message>
    <message>
        <source>your own recession</source>
        <extracomment>The name of a recession a room makes up (translated where it is shown, see :func:`localized`).</extracomment>
        <translation>su propia recesión</translation>
    </message>
    <message>
        <source>stays at its base-year amount</source>
        <extracomment>the market&apos;s normal yearly change (what the years before the base year saw)</extracomment>
        <translation>se mantiene en su monto del año base</translation>
    </message>
    <message>
        <source>grows {rate} a year</source>
        <translation>crece {rate} al año</translation>
    </message>
    <message>
        <source>one-time: comes in the base year only</source>
        <translation>único: llega solo en el año base</translation>
    </message>
    <message>
        <source>a transfer from another fund, held flat</source>
        <translation>una transferencia de otro fondo, sin cambios</translation>
    </message>
    <message>
        <source>a transfer from another fund, growing {rate} a year</source>
        <translation>una transferencia de otro fondo, que crece {rate} al año</translation>
    </message>
    <message>
        <source>grows {rate} a year in a normal economy and moves {times}x as much as the economy when it speeds up or slows down</source>
        <translation>crece {rate} al año en una economía normal y se mueve {times} veces lo que la economía cuando esta se acelera o se frena</translation>
    </message>
    <message>
        <source>rooms x occupancy x daily rate x {rate}: rooms grow {growth} a year, rates with prices and the economy</source>
        <translation>habitaciones × ocupación × tarifa diaria × {rate}: las habitaciones crecen {growth} al año, las tarifas con los precios y la economía</translation>
    </message>
    <message>
        <source>a rate per parcel, indexed to inflation</source>
        <translation>una tarifa por parcela, ajustada a la inflación</translation>
    </message>
    <message>
        <source>a rate per parcel, not indexed</source>
        <translation>una tarifa por parcela, sin ajuste por inflación</translation>
    </message>
    <message>
        <source>the assessed roll: up to {cap} a year on homes that do not sell, {turnover} sold and reassessed at market each year, {new} new construction; revenue follows the market 1 year late</source>
        <translation>el padrón tasado: hasta {cap} al año en las viviendas que no se venden, {turnover} vendido y revaluado a precio de mercado cada año, {new} de construcción nueva; los ingresos siguen al mercado con 1 año de retraso</translation>
    </message>
    <message>
        <source>the assessed roll: up to {cap} a year on homes that do not sell, {turnover} sold and reassessed at market each year, {new} new construction; revenue follows the market {lag} years late</source>
        <translation>el padrón tasado: hasta {cap} al año en las viviendas que no se venden, {turnover} vendido y revaluado a precio de mercado cada año, {new} de construcción nueva; los ingresos siguen al mercado con {lag} años de retraso</translation>
    </message>
    <message>
        <source>special tax</source>
        <extracomment>Patterns naming each kind, tried in order (the first match wins).</extracomment>
        <translation>impuesto especial</translation>
    </message>
    <message>
        <source>general tax</source>
        <translation>impuesto general</translation>
    </message>
    <message>
        <source>two-thirds vote</source>
        <translation>dos tercios de los votos</translation>
    </message>
    <message>
        <source>majority vote</source>
        <translation>mayoría simple</translation>
    </message>
    <message>
        <source>{name}: about {amount} a year ({tax_type}: {vote})</source>
        <translation>{name}: unos {amount} al año ({tax_type}: {vote})</translation>
    </message>
    <message>
        <source>{name}: {rate} on {base} of taxable sales = {amount} a year ({tax_type}: {vote})</source>
        <translation>{name}: {rate} sobre {base} de ventas gravables = {amount} al año ({tax_type}: {vote})</translation>
    </message>
    <message>
        <source>⅛-cent sales tax</source>
        <extracomment>Names of the usual add-on rates (by cents on the dollar), with and without an article.</extracomment>
        <translation>Impuesto sobre las ventas de ⅛ de centavo</translation>
    </message>
    <message>
        <source>A ⅛-cent sales tax</source>
        <translation>Un impuesto sobre las ventas de ⅛ de centavo</translation>
    </message>
    <message>
        <source>¼-cent sales tax</source>
        <translation>Impuesto sobre las ventas de ¼ de centavo</translation>
    </message>
    <message>
        <source>A ¼-cent sales tax</source>
        <translation>Un impuesto sobre las ventas de ¼ de centavo</translation>
    </message>
    <message>
        <source>½-cent sales tax</source>
        <translation>Impuesto sobre las ventas de ½ centavo</translation>
    </message>
    <message>
        <source>A ½-cent sales tax</source>
        <translation>Un impuesto sobre las ventas de ½ centavo</translation>
    </message>
    <message>
        <source>1-cent sales tax</source>
        <translation>Impuesto sobre las ventas de 1 centavo</translation>
    </message>
    <message>
        <source>A 1-cent sales tax</source>
        <translation>Un impuesto sobre las ventas de 1 centavo</translation>
    </message>
    <message>
        <source>A {cents}-cent sales tax</source>
        <translation>Un impuesto sobre las ventas de {cents} centavos</translation>
    </message>
    <message>
        <source>{cents}-cent sales tax</source>
        <translation>Impuesto sobre las ventas de {cents} centavos</translation>
    </message>
    <message>
        <source>San José Measure B (June 2016), general sales tax, 15 years</source>
        <extracomment>San José Measure E (March 2020) tiers: exempt under $2M, 0.75% to $5M, 1% to $10M, 1.5% above. Real California measures and their yields (reference §5.3); the same table ships in ``resources/data/comparable_measures.json``.</extracomment>
        <translation>Medida B de San José (junio de 2016), impuesto general sobre las ventas, 15 años</translation>
    </message>
    <message>
        <source>+0.25% (8.75% to 9%)</source>
        <translation>+0.25% (de 8.75% a 9%)</translation>
    </message>
    <message>
        <source>&quot;about $38 million per year&quot; (officials); ballot: &quot;about $40 million annually&quot;; passed with 61.41%</source>
        <translation>“unos $38 millones al año” (funcionarios); boleta: “unos $40 millones al año”; aprobada con 61.41%</translation>
    </message>
    <message>
        <source>majority (general tax)</source>
        <translation>mayoría simple (impuesto general)</translation>
    </message>
    <message>
        <source>Santa Clara County Measure A (Nov 2012), sales tax, 10 years</source>
        <translation>Medida A del Condado de Santa Clara (nov. de 2012), impuesto sobre las ventas, 10 años</translation>
    </message>
    <message>
        <source>&quot;$498.6 million over 10 years ... $49.9 million annual ... about $82 a year for each of ... 604,204 households&quot;; Ballotpedia: $458M over 10 years; passed with 56.61%</source>
        <translation>“$498.6 millones en 10 años ... $49.9 millones al año ... unos $82 al año para cada uno de ... 604,204 hogares”; Ballotpedia: $458M en 10 años; aprobada con 56.61%</translation>
    </message>
    <message>
        <source>City of Santa Clara Measure J (2024 continuation), sales tax</source>
        <translation>Medida J de la Ciudad de Santa Clara (continuación de 2024), impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>&quot;approximately $7,000,000 annually&quot;</source>
        <translation>“aproximadamente $7,000,000 al año”</translation>
    </message>
    <message>
        <source>San José quarter-cent sales tax (2013 and 2014 estimates)</source>
        <translation>Impuesto sobre las ventas de un cuarto de centavo en San José (estimaciones de 2013 y 2014)</translation>
    </message>
    <message>
        <source>&quot;up to $32 million a year&quot; (2013 options); &quot;about $34 million&quot; (2014 polling)</source>
        <translation>“hasta $32 millones al año” (opciones de 2013); “unos $34 millones” (encuesta de 2014)</translation>
    </message>
    <message>
        <source>San José half-cent sales tax proposal (2012)</source>
        <translation>Propuesta de impuesto sobre las ventas de medio centavo en San José (2012)</translation>
    </message>
    <message>
        <source>&quot;$56 million to $64 million&quot;</source>
        <translation>“de $56 millones a $64 millones”</translation>
    </message>
    <message>
        <source>San José library parcel tax (renewed June 2014)</source>
        <translation>Impuesto por parcela para las bibliotecas de San José (renovado en junio de 2014)</translation>
    </message>
    <message>
        <source>$25 per single-family home in 2004, $29.84 after inflation adjustment</source>
        <translation>$25 por vivienda unifamiliar en 2004, $29.84 después del ajuste por inflación</translation>
    </message>
    <message>
        <source>&quot;about eight million dollars per year&quot;, about 22% of the library budget; renewed with 81.47%</source>
        <translation>“unos ocho millones de dólares al año”, cerca del 22% del presupuesto de las bibliotecas; renovado con 81.47%</translation>
    </message>
    <message>
        <source>two-thirds (special tax)</source>
        <translation>dos tercios (impuesto especial)</translation>
    </message>
    <message>
        <source>San José Measure E (March 2020), real property transfer tax</source>
        <translation>Medida E de San José (marzo de 2020), impuesto sobre transferencias de bienes inmuebles</translation>
    </message>
    <message>
        <source>tiered: 0.75% ($2M-$5M), 1.0% ($5M-$10M), 1.5% (over $10M)</source>
        <translation>por niveles: 0.75% ($2M-$5M), 1.0% ($5M-$10M), 1.5% (más de $10M)</translation>
    </message>
    <message>
        <source>ballot: &quot;approximately $70,000,000 annually&quot;; first year &quot;closer to $40 million&quot; (expected $30M); FY2024-25 about $50M (derived from the 5% admin share of $2.5M); passed with 53.46%</source>
        <translation>boleta: “aproximadamente $70,000,000 al año”; primer año “más cerca de $40 millones” (se esperaban $30M); AF2024-25 unos $50M (calculado a partir de la parte administrativa del 5%, $2.5M); aprobada con 53.46%</translation>
    </message>
    <message>
        <source>recession</source>
        <translation>recesión</translation>
    </message>
    <message>
        <source>home values {change} (property tax follows with its lag)</source>
        <translation>valor de las viviendas {change} (el impuesto a la propiedad lo sigue con su retraso)</translation>
    </message>
    <message>
        <source>recovers evenly over {n} years</source>
        <translation>se recupera de manera pareja en {n} años</translation>
    </message>
    <message>
        <source>bounces straight back</source>
        <translation>se recupera de inmediato</translation>
    </message>
    <message>
        <source>stays down a year, then recovers over {n} years</source>
        <translation>se queda abajo un año y luego se recupera en {n} años</translation>
    </message>
    <message>
        <source>never recovers</source>
        <translation>nunca se recupera</translation>
    </message>
    <message>
        <source>{name}: {shocks}; from year {start}, {recovery}</source>
        <translation>{name}: {shocks}; desde el año {start}, {recovery}</translation>
    </message>
    <message>
        <source>Great Recession (San José)</source>
        <extracomment>Presets by name: &quot;Great Recession (San José)&quot;, &quot;COVID (statewide projection)&quot;, &quot;mild&quot;. The same presets ship in ``resources/data/recessions.json``. Names, sources and notes are the English originals (the file&apos;s values); :meth:`Recession.shown` translates them.</extracomment>
        <translation>Gran Recesión (San José)</translation>
    </message>
    <message>
        <source>San José sales tax FY2008 $154M, FY2009 $132M, FY2010 $127M (-14.3%, -17.5%); Santa Clara County roll +0.61% then -2.43%</source>
        <translation>Impuesto sobre las ventas de San José: AF2008 $154M, AF2009 $132M, AF2010 $127M (-14.3%, -17.5%); padrón del Condado de Santa Clara +0.61% y luego -2.43%</translation>
    </message>
    <message>
        <source>Sales follow San José&apos;s observed drop. The market path is chosen so the default property-tax roll grows about 0.6% and then falls about 2.5%, as Santa Clara County&apos;s did (+0.61%, then -2.43% on average). Hotel, transfer, business and utility-users figures are assumptions scaled from the sales drop by how cyclical each tax is.</source>
        <translation>Las ventas siguen la caída observada en San José. La trayectoria del mercado se elige para que el padrón del impuesto a la propiedad predeterminado crezca cerca de 0.6% y luego baje cerca de 2.5%, como ocurrió en el Condado de Santa Clara (+0.61% y luego -2.43% en promedio). Las cifras del impuesto hotelero, de transferencias, a los negocios y a usuarios de servicios públicos son supuestos, escalados a partir de la caída de las ventas según lo cíclico que es cada impuesto.</translation>
    </message>
    <message>
        <source>mercurynews.com/2012/07/25/see-how-san-joses-taxes-add-up/ (observed)</source>
        <translation>mercurynews.com/2012/07/25/see-how-san-joses-taxes-add-up/ (observado)</translation>
    </message>
    <message>
        <source>issuu.com/sccassessor/docs/annual_report_2008-09/4; abc7news.com/archive/7532388/ (roll +0.61% then -2.43%; market path derived to match)</source>
        <translation>issuu.com/sccassessor/docs/annual_report_2008-09/4; abc7news.com/archive/7532388/ (padrón +0.61% y luego -2.43%; trayectoria del mercado calculada para coincidir)</translation>
    </message>
    <message>
        <source>assumption (hotel tax is the most cyclical, reference §5.2)</source>
        <translation>supuesto (el impuesto hotelero es el más cíclico, referencia §5.2)</translation>
    </message>
    <message>
        <source>assumption (volume and price fall together, reference §5.2)</source>
        <translation>supuesto (el volumen y el precio caen juntos, referencia §5.2)</translation>
    </message>
    <message>
        <source>assumption</source>
        <translation>supuesto</translation>
    </message>
    <message>
        <source>assumption (mix of taxes)</source>
        <translation>supuesto (mezcla de impuestos)</translation>
    </message>
    <message>
        <source>assumption (low cyclicality, reference §5.2)</source>
        <translation>supuesto (poco cíclico, referencia §5.2)</translation>
    </message>
    <message>
        <source>COVID (statewide projection)</source>
        <translation>COVID (proyección estatal)</translation>
    </message>
    <message>
        <source>California State Auditor: hotel taxes -66%, sales and use -12%, business license -7% through FY2020-21 (bsa.ca.gov/local_high_risk/covid-19/impact)</source>
        <translation>Auditor del Estado de California: impuestos hoteleros -66%, ventas y uso -12%, licencias comerciales -7% hasta el AF2020-21 (bsa.ca.gov/local_high_risk/covid-19/impact)</translation>
    </message>
    <message>
        <source>Property values did not fall. Los Angeles projected utility users tax -1.15%. The mixed-taxes figure is an assumption.</source>
        <translation>El valor de las propiedades no bajó. Los Ángeles proyectó -1.15% en el impuesto a usuarios de servicios públicos. La cifra de la mezcla de impuestos es un supuesto.</translation>
    </message>
    <message>
        <source>cao.lacity.gov/budget20-21/ProposedBudget/ (Los Angeles UUT -1.15%)</source>
        <translation>cao.lacity.gov/budget20-21/ProposedBudget/ (UUT de Los Ángeles -1.15%)</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>assumption: about a third of the Great Recession&apos;s sales drop</source>
        <translation>supuesto: cerca de un tercio de la caída de las ventas de la Gran Recesión</translation>
    </message>
    <message>
        <source>A short, shallow downturn for comparison; every figure is an assumption.</source>
        <translation>Una caída corta y poco profunda, para comparar; todas las cifras son supuestos.</translation>
    </message>
</context>
</TS>
