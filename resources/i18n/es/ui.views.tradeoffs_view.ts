<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>BalanceMeter</name>
    <message>
        <source>Balance meter</source>
        <translation>Medidor de equilibrio</translation>
    </message>
    <message>
        <source>◀ short %1</source>
        <translation>◀ faltan %1</translation>
    </message>
    <message>
        <source>%1 to spare ▶</source>
        <translation>sobran %1 ▶</translation>
    </message>
    <message>
        <source>balanced ±%1</source>
        <translation>equilibrado ±%1</translation>
    </message>
    <message>
        <source>◀ short</source>
        <translation>◀ faltante</translation>
    </message>
    <message>
        <source>to spare ▶</source>
        <translation>sobrante ▶</translation>
    </message>
    <message>
        <source>⚠ This year leans on one-time money</source>
        <translation>⚠ Este año depende de dinero único</translation>
    </message>
</context>
<context>
    <name>TradeoffsView</name>
    <message>
        <source>Sales tax add-on</source>
        <extracomment>Recompute at most this often while a lever is dragged (single-shot timer). Redraw this long after the last resize. Where saved scenarios live in ``Budget.meta`` (plain dicts, saved with the session). Where the Pensions view keeps its scenarios. Department levers run from −LEVER_RANGE % to +LEVER_RANGE % in LEVER_STEP % steps. Years a forecast may run (the engine allows 1..10; a room looks 5 to 10 ahead). California&apos;s local sales tax (Bradley-Burns) is 1% of taxable sales: a city&apos;s sales tax revenue ÷ 1% estimates the taxable sales a district add-on would apply to. Used only to guess households when the file gives no population: taxable sales a year per resident (a rough California figure) and people per household. Data of the menu items that are not a saved scenario or a preset. Measure kinds offered by the calculator.</extracomment>
        <translation>Recargo al impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>Parcel tax</source>
        <translation>Impuesto por parcela</translation>
    </message>
    <message>
        <source>Property transfer tax tiers</source>
        <translation>Niveles del impuesto sobre transferencias de propiedad</translation>
    </message>
    <message>
        <source>Hotel tax (TOT) rate change</source>
        <translation>Cambio de tasa del impuesto hotelero (TOT)</translation>
    </message>
    <message>
        <source>⅛ cent (0.125%)</source>
        <translation>⅛ centavo (0.125%)</translation>
    </message>
    <message>
        <source>¼ cent (0.25%)</source>
        <translation>¼ centavo (0.25%)</translation>
    </message>
    <message>
        <source>½ cent (0.5%)</source>
        <translation>½ centavo (0.5%)</translation>
    </message>
    <message>
        <source>1 cent (1%)</source>
        <translation>1 centavo (1%)</translation>
    </message>
    <message>
        <source>Sales tax</source>
        <extracomment>Revenue kinds a recession can shock, and the property market (row &quot;market&quot;).</extracomment>
        <translation>Imp. sobre las ventas</translation>
    </message>
    <message>
        <source>Hotel tax (TOT)</source>
        <translation>Imp. hotelero (TOT)</translation>
    </message>
    <message>
        <source>Business tax</source>
        <translation>Imp. a los negocios</translation>
    </message>
    <message>
        <source>Utility users tax</source>
        <translation>Serv. públicos (UUT)</translation>
    </message>
    <message>
        <source>Property transfer tax</source>
        <translation>Imp. de transferencia</translation>
    </message>
    <message>
        <source>Franchise fees</source>
        <translation>Cuotas de franquicia</translation>
    </message>
    <message>
        <source>Other taxes</source>
        <translation>Otros impuestos</translation>
    </message>
    <message>
        <source>Fees, charges, grants</source>
        <translation>Tarifas, subvenciones</translation>
    </message>
    <message>
        <source>Home values</source>
        <translation>Valor de viviendas</translation>
    </message>
    <message>
        <source>Evenly, over the recovery years</source>
        <translation>Pareja, durante los años de recuperación</translation>
    </message>
    <message>
        <source>V: straight back the next year</source>
        <translation>V: vuelve de inmediato al año siguiente</translation>
    </message>
    <message>
        <source>U: a year at the bottom, then evenly</source>
        <translation>U: un año en el fondo, luego pareja</translation>
    </message>
    <message>
        <source>L: never comes back</source>
        <translation>L: nunca vuelve</translation>
    </message>
    <message>
        <source>FY%1</source>
        <translation>AF%1</translation>
    </message>
    <message>
        <source>No budget open</source>
        <translation>Ningún presupuesto abierto</translation>
    </message>
    <message>
        <source>Open a budget (File ▸ Open…) to forecast its General Fund: next year and the next five, a tax measure, a recession, and what has to give.</source>
        <translation>Abra un presupuesto (Archivo ▸ Abrir…) para pronosticar su Fondo General: el próximo año y los cinco siguientes, una medida fiscal, una recesión y qué hay que sacrificar.</translation>
    </message>
    <message>
        <source>Name this scenario</source>
        <translation>Nombre para este escenario</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>Nombre del escenario</translation>
    </message>
    <message>
        <source>&amp;Save scenario</source>
        <translation>&amp;Guardar escenario</translation>
    </message>
    <message>
        <source>Keep these choices under the name typed on the left</source>
        <translation>Conservar estas opciones con el nombre escrito a la izquierda</translation>
    </message>
    <message>
        <source>Saved scenarios</source>
        <translation>Escenarios guardados</translation>
    </message>
    <message>
        <source>Sa&amp;ved:</source>
        <translation>Guardado&amp;s:</translation>
    </message>
    <message>
        <source>L&amp;oad</source>
        <translation>C&amp;argar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <source>Years to forecast</source>
        <translation>Años que pronosticar</translation>
    </message>
    <message>
        <source>&amp;Forecast:</source>
        <translation>Pronós&amp;tico:</translation>
    </message>
    <message>
        <source>Year the balance meter shows</source>
        <translation>Año que muestra el medidor de equilibrio</translation>
    </message>
    <message>
        <source>&amp;Meter year:</source>
        <translation>Año del &amp;medidor:</translation>
    </message>
    <message>
        <source>What has to give: spending</source>
        <translation>Qué hay que sacrificar: el gasto</translation>
    </message>
    <message>
        <source>Each department&apos;s ongoing spending, from the first forecast year. Drag a slider (Page Up/Down: 5 points).</source>
        <translation>El gasto recurrente de cada departamento, a partir del primer año del pronóstico. Arrastre un control deslizante (Re Pág/Av Pág: 5 puntos).</translation>
    </message>
    <message>
        <source>&amp;Units and $ levers…</source>
        <translation>&amp;Unidades y ajustes en $…</translation>
    </message>
    <message>
        <source>Edit what one unit of each department is and costs; add or cut dollars a year</source>
        <translation>Editar qué es y cuánto cuesta una unidad de cada departamento; agregar o recortar dólares al año</translation>
    </message>
    <message>
        <source>Reset levers</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>One-time money</source>
        <translation>Dinero único</translation>
    </message>
    <message>
        <source>Reserves used each forecast year</source>
        <translation>Reservas usadas cada año del pronóstico</translation>
    </message>
    <message>
        <source>Use reserves each year:</source>
        <translation>Usar reservas cada año:</translation>
    </message>
    <message>
        <source>Balances each year on paper, but the reserve pays and the gap stays: the meter flags one-time money paying ongoing costs.</source>
        <translation>Equilibra cada año en el papel, pero paga la reserva y la brecha se queda: el medidor señala el dinero único que paga costos recurrentes.</translation>
    </message>
    <message>
        <source>Revenue and how it grows</source>
        <translation>Los ingresos y cómo crecen</translation>
    </message>
    <message>
        <source>as the file</source>
        <translation>como el archivo</translation>
    </message>
    <message>
        <source>Lowest value: the trend of the file&apos;s own years</source>
        <translation>Valor más bajo: la tendencia de los años del propio archivo</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>supuesta</translation>
    </message>
    <message>
        <source>The General Fund reserve at the end of the budget year. Lowest value: the file&apos;s own figure, or GFOA&apos;s two months of spending when it gives none.</source>
        <translation>La reserva del Fondo General al final del año del presupuesto. Valor más bajo: la cifra del propio archivo, o los dos meses de gasto de la GFOA si no da ninguna.</translation>
    </message>
    <message>
        <source>Local economy grows</source>
        <translation>La economía local crece</translation>
    </message>
    <message>
        <source>Prices rise</source>
        <translation>Los precios suben</translation>
    </message>
    <message>
        <source>Home values change</source>
        <translation>El valor de las viviendas cambia</translation>
    </message>
    <message>
        <source>Salaries grow</source>
        <translation>Los salarios crecen</translation>
    </message>
    <message>
        <source>Health costs grow</source>
        <translation>Los costos de salud crecen</translation>
    </message>
    <message>
        <source>Pension costs grow</source>
        <translation>Los costos de pensiones crecen</translation>
    </message>
    <message>
        <source>Other costs grow</source>
        <translation>Otros costos crecen</translation>
    </message>
    <message>
        <source>Reserve at the start</source>
        <translation>Reserva al inicio</translation>
    </message>
    <message>
        <source>Growth assumptions</source>
        <translation>Supuestos de crecimiento</translation>
    </message>
    <message>
        <source>&amp;Gap, year by year</source>
        <translation>Brec&amp;ha, año por año</translation>
    </message>
    <message>
        <source>Rese&amp;rves</source>
        <translation>Rese&amp;rvas</translation>
    </message>
    <message>
        <source>&amp;Compare scenarios</source>
        <translation>&amp;Comparar escenarios</translation>
    </message>
    <message>
        <source>Tolerance: how close counts as balanced</source>
        <translation>Tolerancia: qué tan cerca cuenta como equilibrado</translation>
    </message>
    <message>
        <source>How far from balance still counts as balanced (Citizen Budget&apos;s maximum imbalance)</source>
        <translation>Qué tan lejos del equilibrio todavía cuenta como equilibrado (el desequilibrio máximo de Citizen Budget)</translation>
    </message>
    <message>
        <source>Balanced &amp;within</source>
        <translation>E&amp;quilibrado dentro de</translation>
    </message>
    <message>
        <source>First scenario to compare</source>
        <translation>Primer escenario que comparar</translation>
    </message>
    <message>
        <source>Second scenario to compare</source>
        <translation>Segundo escenario que comparar</translation>
    </message>
    <message>
        <source>Year the comparison table shows</source>
        <translation>Año que muestra la tabla de comparación</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>against &amp;B:</source>
        <translation>frente a &amp;B:</translation>
    </message>
    <message>
        <source>in</source>
        <translation>en</translation>
    </message>
    <message>
        <source>The difference, in words</source>
        <translation>La diferencia, en palabras</translation>
    </message>
    <message>
        <source>The two scenarios side by side</source>
        <translation>Los dos escenarios lado a lado</translation>
    </message>
    <message>
        <source>In wor&amp;ds</source>
        <translation>En pa&amp;labras</translation>
    </message>
    <message>
        <source>&amp;Numbers side by side</source>
        <translation>&amp;Números lado a lado</translation>
    </message>
    <message>
        <source>&amp;Levers</source>
        <translation>A&amp;justes</translation>
    </message>
    <message>
        <source>&amp;Taxes</source>
        <translation>&amp;Impuestos</translation>
    </message>
    <message>
        <source>Rec&amp;ession</source>
        <translation>Rec&amp;esión</translation>
    </message>
    <message>
        <source>&amp;Pensions</source>
        <translation>&amp;Pensiones</translation>
    </message>
    <message>
        <source>Spending levers, revenue and growth assumptions</source>
        <translation>Ajustes de gasto, ingresos y supuestos de crecimiento</translation>
    </message>
    <message>
        <source>A tax measure: what it raises and the vote</source>
        <translation>Una medida fiscal: lo que recauda y la votación</translation>
    </message>
    <message>
        <source>Live through a recession</source>
        <translation>Pasar por una recesión</translation>
    </message>
    <message>
        <source>The pension path from the Pensions view</source>
        <translation>La trayectoria de pensiones de la vista Pensiones</translation>
    </message>
    <message>
        <source>What would a tax measure raise?</source>
        <translation>¿Cuánto recaudaría una medida fiscal?</translation>
    </message>
    <message>
        <source>Kind of tax measure</source>
        <translation>Tipo de medida fiscal</translation>
    </message>
    <message>
        <source>Sales tax rate added</source>
        <translation>Tasa agregada al impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>Taxable sales a year</source>
        <translation>Ventas gravables al año</translation>
    </message>
    <message>
        <source>Rate added</source>
        <translation>Tasa agregada</translation>
    </message>
    <message>
        <source>Parcel tax rate and parcels by class</source>
        <translation>Tarifa del impuesto por parcela y parcelas por clase</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>$ a parcel a year</source>
        <translation>$ por parcela al año</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Parcelas</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Exentas</translation>
    </message>
    <message>
        <source>Rate rises with inflation</source>
        <translation>La tarifa sube con la inflación</translation>
    </message>
    <message>
        <source>Transfer tax tiers</source>
        <translation>Niveles del impuesto sobre transferencias</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Rate %</source>
        <translation>Tasa %</translation>
    </message>
    <message>
        <source>Property sales a year by price</source>
        <translation>Ventas de propiedades al año por precio</translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation>Precio de venta</translation>
    </message>
    <message>
        <source>Sales a year</source>
        <translation>Ventas al año</translation>
    </message>
    <message>
        <source>Each slice of the price pays its own tier</source>
        <translation>Cada tramo del precio paga su propio nivel</translation>
    </message>
    <message>
        <source>Off (as San José&apos;s Measure E): the tier a price falls in taxes the whole price. On: like income tax brackets.</source>
        <translation>Desactivado (como la Medida E de San José): el nivel en que cae un precio grava todo el precio. Activado: como los tramos del impuesto sobre la renta.</translation>
    </message>
    <message>
        <source>Tiers (San José Measure E to start):</source>
        <translation>Niveles (para empezar, la Medida E de San José):</translation>
    </message>
    <message>
        <source>Sales a year by price:</source>
        <translation>Ventas al año por precio:</translation>
    </message>
    <message>
        <source>Rate now</source>
        <translation>Tasa actual</translation>
    </message>
    <message>
        <source>New rate</source>
        <translation>Tasa nueva</translation>
    </message>
    <message>
        <source>Room rent a year</source>
        <translation>Renta de habitaciones al año</translation>
    </message>
    <message>
        <source>Earmarked: a special tax</source>
        <translation>Con destino fijo: un impuesto especial</translation>
    </message>
    <message>
        <source>Money earmarked for a purpose is a special tax and needs two-thirds of the vote</source>
        <translation>El dinero destinado a un fin específico es un impuesto especial y necesita dos tercios de los votos</translation>
    </message>
    <message>
        <source>First year the measure collects</source>
        <translation>Primer año en que la medida recauda</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sin fin</translation>
    </message>
    <message>
        <source>Years the measure lasts</source>
        <translation>Años que dura la medida</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hogares</translation>
    </message>
    <message>
        <source>Name of the measure</source>
        <translation>Nombre de la medida</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>Dura</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>&amp;Add to this scenario</source>
        <translation>Agregar a este escenari&amp;o</translation>
    </message>
    <message>
        <source>In this scenario:</source>
        <translation>En este escenario:</translation>
    </message>
    <message>
        <source>Tax measures in this scenario</source>
        <translation>Medidas fiscales de este escenario</translation>
    </message>
    <message>
        <source>Remove the selected measure</source>
        <translation>Quitar la medida seleccionada</translation>
    </message>
    <message>
        <source>Real measures to compare with</source>
        <translation>Medidas reales para comparar</translation>
    </message>
    <message>
        <source>Comparable real measures, with their sources</source>
        <translation>Medidas reales comparables, con sus fuentes</translation>
    </message>
    <message>
        <source>Measure, rate and source</source>
        <translation>Medida, tasa y fuente</translation>
    </message>
    <message>
        <source>Yield</source>
        <translation>Recaudación</translation>
    </message>
    <message>
        <source>Recession</source>
        <translation>Recesión</translation>
    </message>
    <message>
        <source>None: a normal economy</source>
        <translation>Ninguna: una economía normal</translation>
    </message>
    <message>
        <source>Your own…</source>
        <translation>La suya…</translation>
    </message>
    <message>
        <source>How far each kind of revenue falls below normal, in %, each year:</source>
        <translation>Cuánto cae cada tipo de ingreso por debajo de lo normal, en %, cada año:</translation>
    </message>
    <message>
        <source>Drop by revenue type and year of the downturn</source>
        <translation>Caída por tipo de ingreso y año de la crisis</translation>
    </message>
    <message>
        <source>Property tax follows home values through Prop 8, a year or so later</source>
        <translation>El impuesto a la propiedad sigue el valor de las viviendas mediante la Prop 8, un año después más o menos</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Año %1</translation>
    </message>
    <message>
        <source>Starts in</source>
        <translation>Empieza en</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>Recovery takes</source>
        <translation>La recuperación tarda</translation>
    </message>
    <message>
        <source>Recession: %1</source>
        <translation>Recesión: %1</translation>
    </message>
    <message>
        <source>Pair with a pension fund crash</source>
        <translation>Con una caída del fondo de pensiones</translation>
    </message>
    <message>
        <source>The fund&apos;s assets fall 24% the year the recession starts, then earn 12% for 3 years</source>
        <translation>Los activos del fondo caen 24% el año en que empieza la recesión y luego ganan 12% durante 3 años</translation>
    </message>
    <message>
        <source>The fund&apos;s assets fall 24% the year the recession starts, then earn 12% for three years. Its cost to the General Fund comes from the Pensions view: save a scenario there with “A crash, then a rebound” and pick it on the Pensions tab.</source>
        <translation>Los activos del fondo caen 24% el año en que empieza la recesión y luego ganan 12% durante tres años. Su costo para el Fondo General viene de la vista Pensiones: guarde ahí un escenario con “Una caída y luego un repunte” y elíjalo en la pestaña Pensiones.</translation>
    </message>
    <message>
        <source>Absorb the pension path</source>
        <translation>Absorber la trayectoria de pensiones</translation>
    </message>
    <message>
        <source>Pension path</source>
        <translation>Trayectoria de pensiones</translation>
    </message>
    <message>
        <source>Follow the scenario&apos;s growth</source>
        <translation>Seguir el crecimiento del escenario</translation>
    </message>
    <message>
        <source>This budget&apos;s pension lines rise and fall in step with the scenario&apos;s payments</source>
        <translation>Las partidas de pensiones de este presupuesto suben y bajan al ritmo de los pagos del escenario</translation>
    </message>
    <message>
        <source>Use the scenario&apos;s dollars</source>
        <translation>Usar los dólares del escenario</translation>
    </message>
    <message>
        <source>Use the scenario&apos;s General Fund payments as they are (when it was sized to this budget)</source>
        <translation>Usar los pagos del Fondo General del escenario tal como están (cuando se ajustó a este presupuesto)</translation>
    </message>
    <message>
        <source>This budget cannot be forecast: %1</source>
        <translation>No se puede pronosticar este presupuesto: %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Scenario %1</source>
        <translation>Escenario %1</translation>
    </message>
    <message>
        <source>Saved scenario “%1”</source>
        <translation>Escenario “%1” guardado</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>clase %1</translation>
    </message>
    <message>
        <source>Mild (an assumption)</source>
        <translation>Leve (un supuesto)</translation>
    </message>
    <message>
        <source>Structural gap by year</source>
        <translation>Brecha estructural por año</translation>
    </message>
    <message>
        <source>Reserve against GFOA&apos;s two months</source>
        <translation>Reserva frente a los dos meses de la GFOA</translation>
    </message>
    <message>
        <source>Two scenarios compared</source>
        <translation>Dos escenarios comparados</translation>
    </message>
    <message>
        <source>FY%1 (this budget)</source>
        <translation>AF%1 (este presupuesto)</translation>
    </message>
    <message>
        <source>FY%1 (next year)</source>
        <translation>AF%1 (próximo año)</translation>
    </message>
    <message>
        <source>None: this budget&apos;s own pension trend</source>
        <translation>Ninguna: la tendencia del presupuesto</translation>
    </message>
    <message>
        <source>Pensions scenario: %1</source>
        <translation>Escenario de Pensiones: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno todavía</translation>
    </message>
    <message>
        <source>Now (the levers as they are)</source>
        <translation>Ahora (los ajustes como están)</translation>
    </message>
    <message>
        <source>households: from the file</source>
        <translation>hogares: según el archivo</translation>
    </message>
    <message>
        <source>households: population %1 ÷ %2 people a household</source>
        <translation>hogares: población de %1 ÷ %2 personas por hogar</translation>
    </message>
    <message>
        <source>households: a rough guess from sales tax (about %1 of taxable sales a resident, %2 people a household); type the real count</source>
        <translation>hogares: un cálculo aproximado a partir del impuesto sobre las ventas (unos %1 de ventas gravables por residente, %2 personas por hogar); escriba la cifra real</translation>
    </message>
    <message>
        <source>households: the file does not say; type the real count</source>
        <translation>hogares: el archivo no lo dice; escriba la cifra real</translation>
    </message>
    <message>
        <source>Taxable sales: this budget&apos;s sales tax (%1) ÷ the 1% local rate. A district add-on&apos;s base can differ; type a better figure if you have one.</source>
        <translation>Ventas gravables: el impuesto sobre las ventas de este presupuesto (%1) ÷ la tasa local del 1%. La base de un recargo de distrito puede ser distinta; escriba una cifra mejor si la tiene.</translation>
    </message>
    <message>
        <source>This budget has no sales tax line: type the taxable sales a year.</source>
        <translation>Este presupuesto no tiene una partida de impuesto sobre las ventas: escriba las ventas gravables al año.</translation>
    </message>
    <message>
        <source>Room rent: this budget&apos;s hotel tax (%1) ÷ the rate now.</source>
        <translation>Renta de habitaciones: el impuesto hotelero de este presupuesto (%1) ÷ la tasa actual.</translation>
    </message>
    <message>
        <source>This budget has no hotel tax line: type the room rent a year.</source>
        <translation>Este presupuesto no tiene una partida de impuesto hotelero: escriba la renta de habitaciones al año.</translation>
    </message>
    <message>
        <source>Single-family home</source>
        <translation>Vivienda unifamiliar</translation>
    </message>
    <message>
        <source>Apartment building</source>
        <translation>Edificio de apartamentos</translation>
    </message>
    <message>
        <source>Business parcel</source>
        <translation>Parcela comercial</translation>
    </message>
    <message>
        <source>Sales a year: a rough profile scaled to the households; type the assessor&apos;s figures for a real estimate.</source>
        <translation>Ventas al año: un perfil aproximado escalado según los hogares; escriba las cifras del tasador para una estimación real.</translation>
    </message>
    <message>
        <source>Parcels: a rough split of the households; type the assessor&apos;s counts.</source>
        <translation>Parcelas: un reparto aproximado de los hogares; escriba los conteos del tasador.</translation>
    </message>
    <message>
        <source>Parcel tax (%1 a home)</source>
        <translation>Impuesto por parcela (%1 por vivienda)</translation>
    </message>
    <message>
        <source>Transfer tax tiers (%1–%2)</source>
        <translation>Niveles del impuesto sobre transferencias (%1–%2)</translation>
    </message>
    <message>
        <source>Hotel tax %1 → %2</source>
        <translation>Impuesto hotelero %1 → %2</translation>
    </message>
    <message>
        <source>Cannot work it out: %1</source>
        <translation>No se puede calcular: %1</translation>
    </message>
    <message>
        <source>Raises about %1 a year (FY%2)</source>
        <translation>Recauda unos %1 al año (AF%2)</translation>
    </message>
    <message>
        <source>Yield a year</source>
        <translation>Recaudación anual</translation>
    </message>
    <message>
        <source>By year: %1</source>
        <translation>Por año: %1</translation>
    </message>
    <message>
        <source>Raises nothing</source>
        <translation>No recauda nada</translation>
    </message>
    <message>
        <source> (shoppers from elsewhere and businesses pay part of it)</source>
        <translation> (compradores de otros lugares y empresas pagan una parte)</translation>
    </message>
    <message>
        <source> (hotel guests pay it, mostly visitors)</source>
        <translation> (lo pagan los huéspedes de hoteles, sobre todo visitantes)</translation>
    </message>
    <message>
        <source> (paid only on sales in the taxed tiers)</source>
        <translation> (se paga solo en las ventas de los niveles gravados)</translation>
    </message>
    <message>
        <source>About %1 a household a year, spread over %2 households%3. %4.</source>
        <translation>Unos %1 por hogar al año, repartidos entre %2 hogares%3. %4.</translation>
    </message>
    <message>
        <source>Needs two-thirds of the vote: a special tax (money earmarked for a purpose)</source>
        <translation>Necesita dos tercios de los votos: un impuesto especial (dinero destinado a un fin específico)</translation>
    </message>
    <message>
        <source>Needs a simple majority: a general tax (money for any purpose)</source>
        <translation>Necesita mayoría simple: un impuesto general (dinero para cualquier fin)</translation>
    </message>
    <message>
        <source>Published yields; hover a row for the quote and the vote.</source>
        <translation>Recaudaciones publicadas; pase el cursor sobre una fila para ver la cita y la votación.</translation>
    </message>
    <message>
        <source>No measure of this kind is in the table: all measures are shown.</source>
        <translation>No hay ninguna medida de este tipo en la tabla: se muestran todas las medidas.</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
    <message>
        <source>No recession: the economy grows as assumed.</source>
        <translation>Sin recesión: la economía crece según lo supuesto.</translation>
    </message>
    <message>
        <source>Based on: %1</source>
        <translation>Basado en: %1</translation>
    </message>
    <message>
        <source>Your own figures: every one is an assumption.</source>
        <translation>Sus propias cifras: cada una es un supuesto.</translation>
    </message>
    <message>
        <source>Cannot forecast: %1</source>
        <translation>No se puede pronosticar: %1</translation>
    </message>
    <message>
        <source>ongoing spending above revenue</source>
        <translation>gasto recurrente por encima de los ingresos</translation>
    </message>
    <message>
        <source>ongoing revenue above spending</source>
        <translation>ingresos recurrentes por encima del gasto</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>no gap</source>
        <translation>sin brecha</translation>
    </message>
    <message>
        <source>within %1 of balance</source>
        <translation>a menos de %1 del equilibrio</translation>
    </message>
    <message>
        <source>%1 one-time money covers it</source>
        <translation>cubierta con %1 de dinero único</translation>
    </message>
    <message>
        <source>Gap, FY%1 (this budget)</source>
        <translation>Brecha, AF%1 (este presupuesto)</translation>
    </message>
    <message>
        <source>To spare, FY%1 (this budget)</source>
        <translation>Sobrante, AF%1 (este presupuesto)</translation>
    </message>
    <message>
        <source>Gap, FY%1 (next year)</source>
        <translation>Brecha, AF%1 (próximo año)</translation>
    </message>
    <message>
        <source>To spare, FY%1 (next year)</source>
        <translation>Sobrante, AF%1 (próximo año)</translation>
    </message>
    <message>
        <source>Gap, FY%1 (year %2)</source>
        <translation>Brecha, AF%1 (año %2)</translation>
    </message>
    <message>
        <source>To spare, FY%1 (year %2)</source>
        <translation>Sobrante, AF%1 (año %2)</translation>
    </message>
    <message>
        <source>Reserve, end of FY%1</source>
        <translation>Reserva, fin del AF%1</translation>
    </message>
    <message>
        <source>%1 months of spending; GFOA: at least 2</source>
        <translation>%1 meses de gasto; GFOA: al menos 2</translation>
    </message>
    <message>
        <source>⚠ One-time money pays ongoing costs in %1: the gap comes back when it runs out.</source>
        <translation>⚠ El dinero único paga costos recurrentes en %1: la brecha vuelve cuando se acaba.</translation>
    </message>
    <message>
        <source>Warning: one-time money</source>
        <translation>Advertencia: dinero único</translation>
    </message>
    <message>
        <source>✓ No one-time money pays ongoing costs in any year shown.</source>
        <translation>✓ Ningún dinero único paga costos recurrentes en los años mostrados.</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Sin cambio</translation>
    </message>
    <message>
        <source>%1 a year from FY%2</source>
        <translation>%1 al año desde el AF%2</translation>
    </message>
    <message>
        <source>Short %1 in FY%2</source>
        <translation>Faltan %1 en el AF%2</translation>
    </message>
    <message>
        <source>Balanced, %1 to spare in FY%2</source>
        <translation>Equilibrado, sobran %1 en el AF%2</translation>
    </message>
    <message>
        <source>Balanced within %1 in FY%2</source>
        <translation>Equilibrado dentro de %1 en el AF%2</translation>
    </message>
    <message>
        <source>%1. Counting one-time money, the year ends %2 short</source>
        <translation>%1. Contando el dinero único, el año termina con %2 de faltante</translation>
    </message>
    <message>
        <source>%1. Counting one-time money, the year ends %2 over</source>
        <translation>%1. Contando el dinero único, el año termina con %2 de sobrante</translation>
    </message>
    <message>
        <source>%1: %2 in FY%3, %4</source>
        <translation>%1: %2 en el AF%3, %4</translation>
    </message>
    <message>
        <source>No Pensions scenario is saved yet. In the Pensions view, set the levers and save a scenario; it appears here.</source>
        <translation>Todavía no hay ningún escenario de Pensiones guardado. En la vista Pensiones, mueva los ajustes y guarde un escenario; aparecerá aquí.</translation>
    </message>
    <message>
        <source>Pension costs grow at this budget&apos;s own trend.</source>
        <translation>Los costos de pensiones crecen según la tendencia de este presupuesto.</translation>
    </message>
    <message>
        <source>Pension costs follow the Pensions scenario “%1”.</source>
        <translation>Los costos de pensiones siguen el escenario de Pensiones “%1”.</translation>
    </message>
    <message>
        <source>General Fund pension costs: %1 in FY%2, %3 in FY%4.</source>
        <translation>Costos de pensiones del Fondo General: %1 en el AF%2, %3 en el AF%4.</translation>
    </message>
    <message>
        <source>A %1 gap every year until FY%2 unless something gives</source>
        <translation>Una brecha de %1 cada año hasta el AF%2, a menos que algo ceda</translation>
    </message>
    <message>
        <source>A %1 gap in FY%2 grows to %3 by FY%4 unless something gives</source>
        <translation>Una brecha de %1 en el AF%2 crece a %3 para el AF%4, a menos que algo ceda</translation>
    </message>
    <message>
        <source>A %1 gap in FY%2 narrows to %3 by FY%4 but does not close</source>
        <translation>Una brecha de %1 en el AF%2 se reduce a %3 para el AF%4, pero no se cierra</translation>
    </message>
    <message>
        <source>Ongoing revenue covers ongoing spending every year to FY%1, %2 to spare</source>
        <translation>Los ingresos recurrentes cubren el gasto recurrente cada año hasta el AF%1, con %2 de sobra</translation>
    </message>
    <message>
        <source>Balanced every year to FY%1: ongoing revenue covers ongoing spending</source>
        <translation>Equilibrado cada año hasta el AF%1: los ingresos recurrentes cubren el gasto recurrente</translation>
    </message>
    <message>
        <source>Balanced until FY%1, then a gap opens: %2 by FY%3</source>
        <translation>Equilibrado hasta el AF%1, luego se abre una brecha: %2 para el AF%3</translation>
    </message>
    <message>
        <source>The gap closes, then comes back: %1 by FY%2</source>
        <translation>La brecha se cierra y luego vuelve: %1 para el AF%2</translation>
    </message>
    <message>
        <source>A %1 gap in FY%2 closes by FY%3</source>
        <translation>Una brecha de %1 en el AF%2 se cierra para el AF%3</translation>
    </message>
    <message>
        <source>A gap opens in FY%1, up to %2 in FY%3, and closes by FY%4</source>
        <translation>Se abre una brecha en el AF%1, de hasta %2 en el AF%3, y se cierra para el AF%4</translation>
    </message>
    <message>
        <source>The reserve falls below GFOA&apos;s two months in FY%1 and runs out in FY%2</source>
        <translation>La reserva cae por debajo de los dos meses de la GFOA en el AF%1 y se agota en el AF%2</translation>
    </message>
    <message>
        <source>The reserve runs out in FY%1</source>
        <translation>La reserva se agota en el AF%1</translation>
    </message>
    <message>
        <source>The reserve falls below GFOA&apos;s two months of spending in FY%1: %2 by FY%3</source>
        <translation>La reserva cae por debajo de los dos meses de gasto de la GFOA en el AF%1: %2 para el AF%3</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 meses</translation>
    </message>
    <message>
        <source>The reserve stays above GFOA&apos;s two months of spending through FY%1</source>
        <translation>La reserva se mantiene por encima de los dos meses de gasto de la GFOA hasta el AF%1</translation>
    </message>
    <message>
        <source>Ongoing revenue</source>
        <translation>Ingresos recurrentes</translation>
    </message>
    <message>
        <source>Ongoing spending</source>
        <translation>Gasto recurrente</translation>
    </message>
    <message>
        <source>With one-time money</source>
        <translation>Con dinero único</translation>
    </message>
    <message>
        <source>Structural gap</source>
        <translation>Brecha estructural</translation>
    </message>
    <message>
        <source>Balanced: within ±%1</source>
        <translation>Equilibrado: dentro de ±%1</translation>
    </message>
    <message>
        <source>Ongoing money</source>
        <translation>$ recurrente</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>GFOA minimum: two months of spending</source>
        <translation>Mínimo de la GFOA: dos meses de gasto</translation>
    </message>
    <message>
        <source>Reserve at year end</source>
        <translation>Reserva al cierre del año</translation>
    </message>
    <message>
        <source>Below GFOA&apos;s minimum</source>
        <translation>Por debajo del mínimo de la GFOA</translation>
    </message>
    <message>
        <source>Reserve (labels: months)</source>
        <translation>Reserva (etiquetas: meses)</translation>
    </message>
    <message>
        <source>%1 mo</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1: %2 (%3 months)</source>
        <translation>%1: %2 (%3 meses)</translation>
    </message>
    <message>
        <source>Save a scenario to compare it with another.</source>
        <translation>Guarde un escenario para compararlo con otro.</translation>
    </message>
    <message>
        <source>Pick two different scenarios. Save the levers as they are to compare them.</source>
        <translation>Elija dos escenarios distintos. Guarde los ajustes como están para compararlos.</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>Save two scenarios to compare them</source>
        <translation>Guarde dos escenarios para compararlos</translation>
    </message>
    <message>
        <source>“%1” and “%2” leave the same gap in FY%3</source>
        <translation>“%1” y “%2” dejan la misma brecha en el AF%3</translation>
    </message>
    <message>
        <source>“%1” leaves a %2 smaller gap in FY%3 than “%4”</source>
        <translation>“%1” deja una brecha %2 menor en el AF%3 que “%4”</translation>
    </message>
    <message>
        <source>“%1” leaves a %2 larger gap in FY%3 than “%4”</source>
        <translation>“%1” deja una brecha %2 mayor en el AF%3 que “%4”</translation>
    </message>
    <message>
        <source>GFOA two months (%1)</source>
        <translation>Dos meses de la GFOA (%1)</translation>
    </message>
    <message>
        <source>Structural gap (above 0: short)</source>
        <translation>Brecha estructural (por encima de 0: faltante)</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>One unit is…</source>
        <translation>Una unidad es…</translation>
    </message>
    <message>
        <source>Cost of one unit</source>
        <translation>Costo de una unidad</translation>
    </message>
    <message>
        <source>Add (+) or cut (−) $ a year</source>
        <translation>Agregar (+) o recortar (−) $ al año</translation>
    </message>
    <message>
        <source>Units and dollar levers</source>
        <translation>Unidades y ajustes en dólares</translation>
    </message>
    <message>
        <source>Say each change in something the room can picture: a unit and what one costs a year. The last column adds or cuts a fixed amount a year, on top of the percentage on the slider. Money can be typed as 1.4M or 1,400,000.</source>
        <translation>Exprese cada cambio en algo que el público pueda imaginar: una unidad y lo que cuesta al año. La última columna agrega o recorta un monto fijo al año, además del porcentaje del control deslizante. Los montos se pueden escribir como 1.4M o 1,400,000.</translation>
    </message>
    <message>
        <source>Units and dollar levers by department</source>
        <translation>Unidades y ajustes en dólares por departamento</translation>
    </message>
    <message>
        <source>Default units</source>
        <translation>Unidades predeterminadas</translation>
    </message>
</context>
<context>
    <name>_DeptLever</name>
    <message>
        <source>Change %1&apos;s ongoing spending by a percentage, from the first forecast year on (base-year ongoing spending: %2).</source>
        <translation>Cambia el gasto recurrente de %1 en un porcentaje, a partir del primer año del pronóstico (gasto recurrente del año base: %2).</translation>
    </message>
    <message>
        <source>%1: change in spending</source>
        <translation>%1: cambio en el gasto</translation>
    </message>
    <message>
        <source>%1: change in spending, %</source>
        <translation>%1: cambio en el gasto, %</translation>
    </message>
</context>
<context>
    <name>_StreamRow</name>
    <message>
        <source>%1: how it moves</source>
        <translation>%1: cómo se comporta</translation>
    </message>
    <message>
        <source>%1: growth a year</source>
        <translation>%1: crecimiento anual</translation>
    </message>
    <message>
        <source>Growth a year in a normal economy</source>
        <translation>Crecimiento anual en una economía normal</translation>
    </message>
    <message>
        <source>%1: raise or cut</source>
        <translation>%1: aumento o recorte</translation>
    </message>
    <message>
        <source>Raise or lower this stream from the first forecast year (a fee change)</source>
        <translation>Sube o baja esta fuente de ingresos a partir del primer año del pronóstico (un cambio de tarifas)</translation>
    </message>
    <message>
        <source>Grows a year</source>
        <translation>Crece al año</translation>
    </message>
    <message>
        <source>Raise or cut</source>
        <translation>Aumento o recorte</translation>
    </message>
</context>
</TS>
