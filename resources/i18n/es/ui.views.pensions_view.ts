<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Lever</name>
    <message>
        <source>Type a value</source>
        <extracomment>Lever defaults the plan does not give.</extracomment>
        <translation>Escriba un valor</translation>
    </message>
</context>
<context>
    <name>PensionPresets</name>
    <message>
        <source>Generic CalPERS-style city (illustrative)</source>
        <extracomment>The shipped presets&apos; own words (each file&apos;s ``name``, ``label`` and ``notes``, and the names of its amortization bases), listed so they can be translated; :func:`_preset_text` looks them up. Words not listed (a plan the user typed in, or a preset file changed since) are shown as written.</extracomment>
        <translation>Ciudad genérica estilo CalPERS (ilustrativa)</translation>
    </message>
    <message>
        <source>A city in a CalPERS-style pooled plan, scaled to $100M payroll</source>
        <translation>Ciudad en un plan tipo CalPERS (mancomunado), escalada a una nómina de $100M</translation>
    </message>
    <message>
        <source>For places without a valuation at hand: a $100M payroll with the liability, asset and normal-cost ratios of the Boyd-Chen typical public plan, under the CalPERS amortization policy in force from the June 30 2019 valuations. Replace the figures with your city&apos;s CalPERS valuation.</source>
        <translation>Para lugares que no tienen una valuación a mano: una nómina de $100M con las proporciones de pasivo, activos y costo normal del plan público típico de Boyd y Chen, con la política de amortización de CalPERS vigente desde las valuaciones del 30 de junio de 2019. Reemplace las cifras con la valuación de CalPERS de su ciudad.</translation>
    </message>
    <message>
        <source>San José Federated City Employees, Tier 1 (AV2020)</source>
        <translation>San José Federated (empleados municipales), Nivel 1 (valuación 2020)</translation>
    </message>
    <message>
        <source>San José Federated (Tier 1 liability, Tier 1 + Tier 2 payroll)</source>
        <translation>San José Federated (pasivo del Nivel 1, nómina de los Niveles 1 y 2)</translation>
    </message>
    <message>
        <source>Liability, assets and amortization bases are Tier 1&apos;s (AV2020). Payroll and normal cost cover both tiers so the new-hire tier grows. The listed bases sum to $1,355,675K of a $2,087,917K UAAL; the rest is one more layer, &apos;Bases not listed&apos;, paid over the gain/loss period. Benefit payments are an estimate (see sources).</source>
        <translation>El pasivo, los activos y las bases de amortización son los del Nivel 1 (valuación 2020). La nómina y el costo normal cubren ambos niveles para que crezca el nivel de las nuevas contrataciones. Las bases listadas suman $1,355,675K de un pasivo no financiado (UAAL) de $2,087,917K; el resto es una capa más, “Bases no listadas”, que se paga en el plazo de las ganancias y pérdidas. Los pagos de beneficios son una estimación (vea las fuentes).</translation>
    </message>
    <message>
        <source>San José Police &amp; Fire, Tier 1 (AV2020)</source>
        <translation>Policía y Bomberos de San José, Nivel 1 (valuación 2020)</translation>
    </message>
    <message>
        <source>San José Police &amp; Fire (Tier 1)</source>
        <translation>Policía y Bomberos de San José (Nivel 1)</translation>
    </message>
    <message>
        <source>Liability, assets and amortization bases are Tier 1&apos;s (AV2020); payroll and normal cost are Tier 1&apos;s AV2019 figures (the newest in the sources). Tier 2 is not modelled. The listed bases sum to $128,858K of a $1,385,484K UAAL; the rest is one more layer, &apos;Bases not listed&apos;, paid over the experience period. Benefit payments are an estimate (see sources).</source>
        <translation>El pasivo, los activos y las bases de amortización son los del Nivel 1 (valuación 2020); la nómina y el costo normal son las cifras del Nivel 1 de la valuación 2019 (las más recientes en las fuentes). El Nivel 2 no se modela. Las bases listadas suman $128,858K de un pasivo no financiado (UAAL) de $1,385,484K; el resto es una capa más, “Bases no listadas”, que se paga en el plazo de la experiencia. Los pagos de beneficios son una estimación (vea las fuentes).</translation>
    </message>
    <message>
        <source>Typical public plan (Boyd-Chen)</source>
        <translation>Plan público típico (Boyd-Chen)</translation>
    </message>
    <message>
        <source>Median US state plan, scaled to a liability of 100</source>
        <translation>Plan estatal mediano de EE. UU., escalado a un pasivo de 100</translation>
    </message>
    <message>
        <source>The &apos;typical public plan&apos; of Boyd &amp; Chen&apos;s simple pension model: median values in US state pension plans. Cash flows at the end of the year, each year&apos;s shortfall a closed 30-year level-percent layer. The model does not split employee and employer contributions: the &apos;employer&apos; column is the whole contribution.</source>
        <translation>El “plan público típico” del modelo simple de pensiones de Boyd y Chen: valores medianos de los planes de pensiones estatales de EE. UU. Flujos de efectivo al final del año; el déficit de cada año es una capa cerrada de 30 años de porcentaje nivelado. El modelo no separa las contribuciones de los empleados y del empleador: la columna “empleador” es toda la contribución.</translation>
    </message>
    <message>
        <source>2009 UAL</source>
        <translation>Pasivo no financiado de 2009</translation>
    </message>
    <message>
        <source>2011 assumption changes</source>
        <translation>Cambios de supuestos de 2011</translation>
    </message>
    <message>
        <source>2012 (gain)/loss</source>
        <translation>(Ganancia)/pérdida de 2012</translation>
    </message>
    <message>
        <source>2015 assumption changes</source>
        <translation>Cambios de supuestos de 2015</translation>
    </message>
    <message>
        <source>2020 (gain)/loss</source>
        <translation>(Ganancia)/pérdida de 2020</translation>
    </message>
    <message>
        <source>2020 assumption change</source>
        <translation>Cambio de supuestos de 2020</translation>
    </message>
    <message>
        <source>2009 experience loss</source>
        <translation>Pérdida por experiencia de 2009</translation>
    </message>
    <message>
        <source>2011 experience gain</source>
        <translation>Ganancia por experiencia de 2011</translation>
    </message>
    <message>
        <source>2017 assumption change</source>
        <translation>Cambio de supuestos de 2017</translation>
    </message>
    <message>
        <source>2019 experience loss</source>
        <translation>Pérdida por experiencia de 2019</translation>
    </message>
    <message>
        <source>2020 experience loss</source>
        <translation>Pérdida por experiencia de 2020</translation>
    </message>
</context>
<context>
    <name>PensionsView</name>
    <message>
        <source>What the fund earns</source>
        <translation>Lo que rinde el fondo</translation>
    </message>
    <message>
        <source>What the plan assumes</source>
        <translation>Lo que supone el plan</translation>
    </message>
    <message>
        <source>Paying off the unfunded liability</source>
        <translation>Cómo se paga el pasivo no financiado</translation>
    </message>
    <message>
        <source>Smoothing good and bad years</source>
        <translation>Suavizar los años buenos y malos</translation>
    </message>
    <message>
        <source>Workforce</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Who pays</source>
        <translation>Quién paga</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Saved scenario “%1”</source>
        <translation>Escenario “%1” guardado</translation>
    </message>
    <message>
        <source>Your plan…</source>
        <translation>Su plan…</translation>
    </message>
    <message>
        <source>Funded ratio</source>
        <translation>Nivel de financiamiento</translation>
    </message>
    <message>
        <source>Employer contribution</source>
        <translation>Contribución del empleador</translation>
    </message>
    <message>
        <source>Mortgage view of the unfunded liability</source>
        <translation>Vista de hipoteca del pasivo no financiado</translation>
    </message>
    <message>
        <source>Range of outcomes</source>
        <translation>Rango de resultados</translation>
    </message>
    <message>
        <source>Share of General Fund revenue</source>
        <translation>Parte de los ingresos del Fondo General</translation>
    </message>
    <message>
        <source>Two sets of assumptions</source>
        <translation>Dos juegos de supuestos</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (suyo)</translation>
    </message>
    <message>
        <source>This plan has one tier: there is no newer tier to move to</source>
        <translation>Este plan tiene un solo nivel: no hay un nivel más nuevo al cual pasar</translation>
    </message>
    <message>
        <source>Valuation %1</source>
        <translation>Valuación %1</translation>
    </message>
    <message>
        <source>liability %1</source>
        <translation>pasivo %1</translation>
    </message>
    <message>
        <source>assets %1</source>
        <translation>activos %1</translation>
    </message>
    <message>
        <source>payroll %1</source>
        <translation>nómina %1</translation>
    </message>
    <message>
        <source>Index units (liability = 100), not dollars</source>
        <translation>Unidades índice (pasivo = 100), no dólares</translation>
    </message>
    <message>
        <source>Sized to this budget&apos;s payroll: %1</source>
        <translation>Ajustado a la nómina de este presupuesto: %1</translation>
    </message>
    <message>
        <source>Their rate, share of pay</source>
        <translation>Su tasa, como parte del salario</translation>
    </message>
    <message>
        <source>Their share</source>
        <translation>Su parte</translation>
    </message>
    <message>
        <source>fire stations</source>
        <extracomment>Recompute at most this often while a slider is dragged. Redraw this long after the last resize. Random-return runs longer than this (estimated from the last run) go to a worker thread. Years projected. Random-return runs offered. Runs used for a baseline or a comparison column that uses random returns. Used when the budget does not say what a position costs: salary plus benefits.</extracomment>
        <translation>estaciones de bomberos</translation>
    </message>
    <message>
        <source>As assumed, every year</source>
        <extracomment>The key in ``Budget.meta`` where scenarios are kept (plain dicts, saved with the session).</extracomment>
        <translation>Lo supuesto, cada año</translation>
    </message>
    <message>
        <source>The same rate every year</source>
        <translation>La misma tasa cada año</translation>
    </message>
    <message>
        <source>A crash, then a rebound</source>
        <translation>Una caída y luego un repunte</translation>
    </message>
    <message>
        <source>Random good and bad years</source>
        <translation>Años buenos y malos al azar</translation>
    </message>
    <message>
        <source>Rising with payroll (level %)</source>
        <translation>Crecen con la nómina (% nivelado)</translation>
    </message>
    <message>
        <source>Same dollars each year (level $)</source>
        <translation>Mismos dólares cada año ($ nivelado)</translation>
    </message>
    <message>
        <source>Closed: each layer has an end</source>
        <translation>Cerrada: cada capa tiene un fin</translation>
    </message>
    <message>
        <source>Open: re-stretched every year</source>
        <translation>Abierta: se vuelve a extender cada año</translation>
    </message>
    <message>
        <source>Recalculated: one end date</source>
        <translation>Recalculada: una sola fecha final</translation>
    </message>
    <message>
        <source>Full payments at once</source>
        <translation>Pagos completos desde el inicio</translation>
    </message>
    <message>
        <source>Phased in over 5 years</source>
        <translation>Gradual en 5 años</translation>
    </message>
    <message>
        <source>Phased in and out (5 years)</source>
        <translation>Gradual al inicio y al final (5 años)</translation>
    </message>
    <message>
        <source>None: the market value</source>
        <translation>Ninguno: el valor de mercado</translation>
    </message>
    <message>
        <source>Spread over several years</source>
        <translation>Repartido en varios años</translation>
    </message>
    <message>
        <source>Recognize 20% a year</source>
        <translation>Reconocer 20% al año</translation>
    </message>
    <message>
        <source>As the plan&apos;s rules say</source>
        <translation>Según las reglas del plan</translation>
    </message>
    <message>
        <source>A fixed % of their pay</source>
        <translation>Un % fijo de su salario</translation>
    </message>
    <message>
        <source>A share of the normal cost</source>
        <translation>Una parte del costo normal</translation>
    </message>
    <message>
        <source>Half the bill, capped (Measure F)</source>
        <translation>La mitad del total, con tope (Medida F)</translation>
    </message>
    <message>
        <source>Actuarial liability</source>
        <extracomment>What a plan file&apos;s ``sources`` keys name (a tier&apos;s key is &quot;tiers.&lt;its name&gt;&quot;).</extracomment>
        <translation>Pasivo actuarial</translation>
    </message>
    <message>
        <source>Market value of assets</source>
        <translation>Valor de mercado de los activos</translation>
    </message>
    <message>
        <source>Smoothed value of assets</source>
        <translation>Valor suavizado de los activos</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Niveles</translation>
    </message>
    <message>
        <source>Amortization bases</source>
        <translation>Bases de amortización</translation>
    </message>
    <message>
        <source>Benefit payments</source>
        <translation>Pagos de beneficios</translation>
    </message>
    <message>
        <source>When benefits are paid</source>
        <translation>Cuándo se pagan los beneficios</translation>
    </message>
    <message>
        <source>Assumed return</source>
        <translation>Rendimiento supuesto</translation>
    </message>
    <message>
        <source>Payroll growth</source>
        <translation>Crecimiento de la nómina</translation>
    </message>
    <message>
        <source>New hires replacing older tiers</source>
        <translation>Nuevas contrataciones que reemplazan niveles anteriores</translation>
    </message>
    <message>
        <source>Paying off shortfalls</source>
        <translation>Pago de los déficits</translation>
    </message>
    <message>
        <source>Payoff periods</source>
        <translation>Plazos de pago</translation>
    </message>
    <message>
        <source>When payments are made</source>
        <translation>Cuándo se hacen los pagos</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Suavizado</translation>
    </message>
    <message>
        <source>What employees pay</source>
        <translation>Lo que pagan los empleados</translation>
    </message>
    <message>
        <source>Share paid by the General Fund</source>
        <translation>Parte que paga el Fondo General</translation>
    </message>
    <message>
        <source>actual</source>
        <extracomment>The budget phases, as a chart&apos;s subtitle names them (&quot;FY2026 adopted&quot;).</extracomment>
        <translation>real</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adoptado</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>modificado</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>propuesto</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>recomendado</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>estimado</translation>
    </message>
    <message>
        <source>Pension plan</source>
        <translation>Plan de pensiones</translation>
    </message>
    <message>
        <source>A plan as its actuarial valuation describes it, or your own (Your plan…)</source>
        <translation>Un plan tal como lo describe su valuación actuarial, o el suyo propio (Su plan…)</translation>
    </message>
    <message>
        <source>Pla&amp;n:</source>
        <translation>Pla&amp;n:</translation>
    </message>
    <message>
        <source>What the fund ea&amp;rns:</source>
        <translation>Lo que &amp;rinde el fondo:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Actual return path.&lt;/b&gt; What the fund&apos;s investments really earn, year by year. When they earn less than assumed, the shortfall is added to the unfunded liability and paid off over the following years.</source>
        <translation>&lt;b&gt;Rendimientos reales.&lt;/b&gt; Lo que las inversiones del fondo ganan en realidad, año por año. Cuando ganan menos de lo supuesto, el déficit se suma al pasivo no financiado y se paga en los años siguientes.</translation>
    </message>
    <message>
        <source>Earns each &amp;year</source>
        <translation>Rendi&amp;miento de cada año</translation>
    </message>
    <message>
        <source>&lt;b&gt;Actual return.&lt;/b&gt; The fund earns this every year. Below the assumed return, each year&apos;s shortfall becomes a new debt layer the city pays off.</source>
        <translation>&lt;b&gt;Rendimiento real.&lt;/b&gt; El fondo gana esto cada año. Por debajo del rendimiento supuesto, el déficit de cada año se convierte en una nueva capa de deuda que la ciudad tiene que pagar.</translation>
    </message>
    <message>
        <source>Crash comes in projection year</source>
        <translation>La caída llega en el año de proyección</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stress test (Pew style).&lt;/b&gt; The fund loses 24% in this year, then earns 12% for three years, then its assumed return again.</source>
        <translation>&lt;b&gt;Prueba de estrés (estilo Pew).&lt;/b&gt; El fondo pierde 24% ese año, luego gana 12% durante tres años y después vuelve a su rendimiento supuesto.</translation>
    </message>
    <message>
        <source>How much returns swing (± a year)</source>
        <translation>Cuánto varían los rendimientos (± al año)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Standard deviation of returns.&lt;/b&gt; How far a typical year lands from the average. 12% is usual for a pension fund. The average is set so the compound return equals the assumed return (arithmetic = geometric + sd²/2).</source>
        <translation>&lt;b&gt;Desviación estándar de los rendimientos.&lt;/b&gt; Qué tan lejos del promedio cae un año típico. 12% es lo usual para un fondo de pensiones. El promedio se fija para que el rendimiento compuesto sea igual al rendimiento supuesto (aritmético = geométrico + de²/2).</translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation>%1 simulaciones</translation>
    </message>
    <message>
        <source>Number of random runs</source>
        <translation>Número de simulaciones al azar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stochastic runs.&lt;/b&gt; Each run draws 30 random years; more runs, steadier odds</source>
        <translation>&lt;b&gt;Simulaciones estocásticas.&lt;/b&gt; Cada simulación sortea 30 años al azar; con más simulaciones, las probabilidades son más estables</translation>
    </message>
    <message>
        <source>&amp;The plan assumes it will earn (discount rate)</source>
        <translation>El plan supone que ganará (&amp;tasa de descuento)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Assumed return / discount rate.&lt;/b&gt; The return the plan counts on. It is also the rate that turns future benefits into today&apos;s liability: a lower rate means a bigger liability and bigger payments.</source>
        <translation>&lt;b&gt;Rendimiento supuesto / tasa de descuento.&lt;/b&gt; El rendimiento con el que cuenta el plan. También es la tasa que convierte los beneficios futuros en el pasivo de hoy: una tasa más baja significa un pasivo mayor y pagos mayores.</translation>
    </message>
    <message>
        <source>Change the assumption (fund expects it)</source>
        <translation>Cambiar el supuesto (el fondo lo espera)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reading B: a new assumption.&lt;/b&gt; The liability is re-priced at the new rate and the fund is expected to earn the new rate too.</source>
        <translation>&lt;b&gt;Lectura B: un supuesto nuevo.&lt;/b&gt; El pasivo se revalúa a la nueva tasa y se espera que el fondo también gane la nueva tasa.</translation>
    </message>
    <message>
        <source>Only re-price the promises</source>
        <translation>Solo revaluar las promesas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reading A: revaluation (GASB style).&lt;/b&gt; The same benefits are discounted at the new rate; the fund&apos;s expected earnings do not change.</source>
        <translation>&lt;b&gt;Lectura A: revaluación (estilo GASB).&lt;/b&gt; Los mismos beneficios se descuentan a la nueva tasa; las ganancias esperadas del fondo no cambian.</translation>
    </message>
    <message>
        <source>Years to pay off each new shortfall</source>
        <translation>Años para pagar cada nuevo déficit</translation>
    </message>
    <message>
        <source>&lt;b&gt;Amortization period.&lt;/b&gt; Like a mortgage term: each year&apos;s gain or loss is paid off over this many years. Longer means smaller payments and more interest.</source>
        <translation>&lt;b&gt;Período de amortización.&lt;/b&gt; Como el plazo de una hipoteca: la ganancia o pérdida de cada año se paga en esta cantidad de años. Un plazo más largo significa pagos más pequeños y más intereses.</translation>
    </message>
    <message>
        <source> yrs</source>
        <translation> años</translation>
    </message>
    <message>
        <source>Payments:</source>
        <translation>Pagos:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Level dollar vs level percent of payroll.&lt;/b&gt; Level percent payments start lower and grow with payroll, so early payments may not cover the interest.</source>
        <translation>&lt;b&gt;Dólares nivelados vs porcentaje nivelado de la nómina.&lt;/b&gt; Los pagos de porcentaje nivelado empiezan más bajos y crecen con la nómina, así que los primeros pagos pueden no cubrir los intereses.</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Calendario:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Closed vs open amortization.&lt;/b&gt; Closed: every layer has its own end date. Open: the whole unfunded liability is re-spread over the same number of years every year, so it is never paid off.</source>
        <translation>&lt;b&gt;Amortización cerrada vs abierta.&lt;/b&gt; Cerrada: cada capa tiene su propia fecha final. Abierta: todo el pasivo no financiado se vuelve a repartir cada año en el mismo número de años, así que nunca se termina de pagar.</translation>
    </message>
    <message>
        <source>Phase-&amp;in:</source>
        <translation>&amp;Introducción gradual:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ramp.&lt;/b&gt; New layers start at 20% of their payment and reach 100% in year five (CalPERS style); the debt grows while the ramp is low.</source>
        <translation>&lt;b&gt;Rampa.&lt;/b&gt; Las capas nuevas empiezan con el 20% de su pago y llegan al 100% en el quinto año (estilo CalPERS); la deuda crece mientras la rampa es baja.</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Suavizado:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asset smoothing (actuarial value of assets).&lt;/b&gt; Good and bad years are recognized a bit at a time, so contributions move gently. The market value is what the fund would fetch today.</source>
        <translation>&lt;b&gt;Suavizado de activos (valor actuarial de los activos).&lt;/b&gt; Los años buenos y malos se reconocen poco a poco, así que las contribuciones cambian suavemente. El valor de mercado es lo que el fondo obtendría hoy.</translation>
    </message>
    <message>
        <source>Spread over</source>
        <translation>Repartir en</translation>
    </message>
    <message>
        <source>&lt;b&gt;Smoothing period.&lt;/b&gt; Years over which each year&apos;s gain or loss counts</source>
        <translation>&lt;b&gt;Período de suavizado.&lt;/b&gt; Años en los que cuenta la ganancia o pérdida de cada año</translation>
    </message>
    <message>
        <source>Stay within 80–120% of market value</source>
        <translation>Limitar a 80–120% del valor de mercado</translation>
    </message>
    <message>
        <source>&lt;b&gt;Corridor.&lt;/b&gt; The smoothed value may not stray further from the market value</source>
        <translation>&lt;b&gt;Corredor.&lt;/b&gt; El valor suavizado no puede alejarse más que eso del valor de mercado</translation>
    </message>
    <message>
        <source>Corridor, 80 to 120% of market value</source>
        <translation>Corredor, del 80 al 120% del valor de mercado</translation>
    </message>
    <message>
        <source>Payroll &amp;grows each year</source>
        <translation>&amp;La nómina crece cada año</translation>
    </message>
    <message>
        <source>&lt;b&gt;Payroll growth.&lt;/b&gt; Raises and hiring. Normal cost and level-percent payments grow with payroll.</source>
        <translation>&lt;b&gt;Crecimiento de la nómina.&lt;/b&gt; Aumentos y contrataciones. El costo normal y los pagos de porcentaje nivelado crecen con la nómina.</translation>
    </message>
    <message>
        <source>Older-tier staff replaced by new hires each year</source>
        <translation>Personal del nivel anterior reemplazado cada año por nuevas contrataciones</translation>
    </message>
    <message>
        <source>&lt;b&gt;New-hire share (tiers).&lt;/b&gt; Each year this share of the older tier&apos;s payroll retires or leaves and is replaced by new hires in the newer, cheaper tier.</source>
        <translation>&lt;b&gt;Proporción de nuevas contrataciones (niveles).&lt;/b&gt; Cada año esta parte de la nómina del nivel anterior se jubila o se va, y la reemplazan nuevas contrataciones en el nivel más nuevo y más barato.</translation>
    </message>
    <message>
        <source>Employees pay:</source>
        <translation>Los empleados pagan:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Employee cost sharing.&lt;/b&gt; What members pay; the employer pays the rest. Measure F (San José, 2016): new members pay half the whole bill, rising at most 0.33% of pay a year, never less than half the normal cost.</source>
        <translation>&lt;b&gt;Costos compartidos con los empleados.&lt;/b&gt; Lo que pagan los miembros; el empleador paga el resto. Medida F (San José, 2016): los miembros nuevos pagan la mitad del total, que sube como máximo 0.33% del salario al año y nunca es menos de la mitad del costo normal.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Normal cost&lt;/b&gt; is the cost of benefits earned this year; the &lt;b&gt;whole bill&lt;/b&gt; (ADC) adds the payment on the unfunded liability.</source>
        <translation>El &lt;b&gt;costo normal&lt;/b&gt; es el costo de los beneficios ganados este año; el &lt;b&gt;total&lt;/b&gt; (ADC, la contribución determinada actuarialmente) le suma el pago del pasivo no financiado.</translation>
    </message>
    <message>
        <source>Name these levers…</source>
        <translation>Nombre para estos ajustes…</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>Nombre del escenario</translation>
    </message>
    <message>
        <source>A name for the current levers, e.g. “5% returns”</source>
        <translation>Un nombre para los ajustes actuales, p. ej. “rendimientos del 5%”</translation>
    </message>
    <message>
        <source>&amp;Save scenario</source>
        <translation>&amp;Guardar escenario</translation>
    </message>
    <message>
        <source>Save the levers as a scenario</source>
        <translation>Guardar los ajustes como escenario</translation>
    </message>
    <message>
        <source>Keep these levers under the name typed (saved with the session)</source>
        <translation>Conservar estos ajustes con el nombre escrito (se guardan con la sesión)</translation>
    </message>
    <message>
        <source>Scenarios ▾</source>
        <translation>Escenarios ▾</translation>
    </message>
    <message>
        <source>Load a saved scenario</source>
        <translation>Cargar un escenario guardado</translation>
    </message>
    <message>
        <source>Put a saved scenario&apos;s levers back</source>
        <translation>Volver a poner los ajustes de un escenario guardado</translation>
    </message>
    <message>
        <source>Baseline scenario</source>
        <translation>Escenario base</translation>
    </message>
    <message>
        <source>What the change is measured against: the plan&apos;s own assumptions or a scenario</source>
        <translation>Contra qué se mide el cambio: los supuestos del propio plan o un escenario</translation>
    </message>
    <message>
        <source>&amp;Baseline:</source>
        <translation>&amp;Base:</translation>
    </message>
    <message>
        <source>FY</source>
        <translation>AF</translation>
    </message>
    <message>
        <source>Fiscal year to look at</source>
        <translation>Año fiscal que se muestra</translation>
    </message>
    <message>
        <source>The year the figures and chart titles talk about</source>
        <translation>El año del que hablan las cifras y los títulos de los gráficos</translation>
    </message>
    <message>
        <source>Look &amp;at:</source>
        <translation>Ver el &amp;año:</translation>
    </message>
    <message>
        <source>Pension charts</source>
        <translation>Gráficos de pensiones</translation>
    </message>
    <message>
        <source>F&amp;unded</source>
        <translation>&amp;Financiamiento</translation>
    </message>
    <message>
        <source>&amp;What the city pays</source>
        <translation>Lo que paga la ci&amp;udad</translation>
    </message>
    <message>
        <source>&amp;Mortgage view</source>
        <translation>Vista de &amp;hipoteca</translation>
    </message>
    <message>
        <source>Ris&amp;k</source>
        <translation>Ri&amp;esgo</translation>
    </message>
    <message>
        <source>&amp;Crowd-out</source>
        <translation>&amp;Desplazamiento</translation>
    </message>
    <message>
        <source>Pro&amp;jection honesty</source>
        <translation>Pro&amp;yecciones honestas</translation>
    </message>
    <message>
        <source>In dollars</source>
        <translation>En dólares</translation>
    </message>
    <message>
        <source>As % of payroll</source>
        <translation>Como % de la nómina</translation>
    </message>
    <message>
        <source>Show the employer contribution %1</source>
        <translation>Mostrar la contribución del empleador: %1</translation>
    </message>
    <message>
        <source>Bars: what each layer of the debt costs that year. Black line: interest on the unfunded liability. A bar above the line pays down the debt; below it, the debt grows.</source>
        <translation>Barras: lo que cuesta cada capa de la deuda ese año. Línea negra: intereses sobre el pasivo no financiado. Una barra por encima de la línea reduce la deuda; por debajo, la deuda crece.</translation>
    </message>
    <message>
        <source>Funded ratio (market value)</source>
        <translation>Nivel de financiamiento (valor de mercado)</translation>
    </message>
    <message>
        <source>Figure the fan chart shows</source>
        <translation>Cifra que muestra el gráfico de abanico</translation>
    </message>
    <message>
        <source>Try random years</source>
        <translation>Probar años al azar</translation>
    </message>
    <message>
        <source>Switch to random good and bad years</source>
        <translation>Cambiar a años buenos y malos al azar</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Share of the contribution the General Fund pays</source>
        <translation>Parte de la contribución que paga el Fondo General</translation>
    </message>
    <message>
        <source>Enterprise and special funds pay for their own staff; the General Fund the rest</source>
        <translation>Los fondos empresariales y especiales pagan por su propio personal; el Fondo General, por el resto</translation>
    </message>
    <message>
        <source>Cost of one full-time position, salary and benefits</source>
        <translation>Costo de un puesto de tiempo completo, salario y beneficios</translation>
    </message>
    <message>
        <source>Name of a unit of service</source>
        <translation>Nombre de una unidad de servicio</translation>
    </message>
    <message>
        <source>Something the room can picture: fire stations, libraries…</source>
        <translation>Algo que el público pueda imaginar: estaciones de bomberos, bibliotecas…</translation>
    </message>
    <message>
        <source>Yearly cost of one unit</source>
        <translation>Costo anual de una unidad</translation>
    </message>
    <message>
        <source>A one-engine fire station: about 14 firefighters at $185,000 (San José, 2011)</source>
        <translation>Una estación de bomberos con un solo camión: unos 14 bomberos a $185,000 cada uno (San José, 2011)</translation>
    </message>
    <message>
        <source>General Fund revenue growth a year</source>
        <translation>Crecimiento anual de los ingresos del Fondo General</translation>
    </message>
    <message>
        <source>Revenue in other years: this budget&apos;s, grown (or shrunk) at this rate a year</source>
        <translation>Ingresos de otros años: los de este presupuesto, aumentados (o reducidos) a esta tasa anual</translation>
    </message>
    <message>
        <source>Size the plan to this budget&apos;s payroll</source>
        <translation>Ajustar el plan a la nómina de este presupuesto</translation>
    </message>
    <message>
        <source>Scale every amount of the plan so its payroll equals this budget&apos;s General Fund salaries and benefits; rates stay the same</source>
        <translation>Escalar todas las cifras del plan para que su nómina sea igual a los salarios y beneficios del Fondo General de este presupuesto; las tasas no cambian</translation>
    </message>
    <message>
        <source>What this crowds out</source>
        <translation>Lo que esto desplaza</translation>
    </message>
    <message>
        <source>General Fund pays:</source>
        <translation>Paga el Fondo General:</translation>
    </message>
    <message>
        <source>Revenue grows:</source>
        <translation>Los ingresos crecen:</translation>
    </message>
    <message>
        <source>One p&amp;osition costs:</source>
        <translation>Un &amp;puesto cuesta:</translation>
    </message>
    <message>
        <source>Also count in:</source>
        <translation>Contar también en:</translation>
    </message>
    <message>
        <source>costing, each:</source>
        <translation>costo por unidad:</translation>
    </message>
    <message>
        <source>Left assumptions</source>
        <translation>Supuestos de la izquierda</translation>
    </message>
    <message>
        <source>Right assumptions</source>
        <translation>Supuestos de la derecha</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Izquierda:</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Derecha:</translation>
    </message>
    <message>
        <source>Key figures under the two sets of assumptions</source>
        <translation>Cifras clave con los dos juegos de supuestos</translation>
    </message>
    <message>
        <source>In 2012 three forecasts of San José&apos;s retirement costs for FY2015-16 were $320M (the retirement boards&apos; actuary), $401M (the city&apos;s bond documents) and $650M (the mayor; the State Auditor called it “unsupported and likely overstated”). Same plans, different assumptions (California State Auditor, report 2012-106).</source>
        <translation>En 2012, tres pronósticos de los costos de jubilación de San José para el AF2015-16 fueron $320M (el actuario de las juntas de jubilación), $401M (los documentos de bonos de la ciudad) y $650M (el alcalde; el Auditor del Estado lo calificó de “sin sustento y probablemente exagerado”). Mismos planes, distintos supuestos (Auditor del Estado de California, informe 2012-106).</translation>
    </message>
    <message>
        <source>Tier “%1”</source>
        <translation>Nivel “%1”</translation>
    </message>
    <message>
        <source>Tier “%1”: what employees pay</source>
        <translation>Nivel “%1”: lo que pagan los empleados</translation>
    </message>
    <message>
        <source>Years the whole debt is spread over</source>
        <translation>Años en los que se reparte toda la deuda</translation>
    </message>
    <message>
        <source>Typical figure, an assumption: this budget does not say how many positions it pays for</source>
        <translation>Cifra típica, un supuesto: este presupuesto no dice cuántos puestos paga</translation>
    </message>
    <message>
        <source>From this budget: its cost per position</source>
        <translation>De este presupuesto: su costo por puesto</translation>
    </message>
    <message>
        <source>From this budget: %1 General Fund salaries and benefits ÷ %2 FTE</source>
        <translation>De este presupuesto: %1 en salarios y beneficios del Fondo General ÷ %2 puestos (FTE)</translation>
    </message>
    <message>
        <source>Cannot project: %1</source>
        <translation>No se puede proyectar: %1</translation>
    </message>
    <message>
        <source>Running %1 random 30-year runs…</source>
        <translation>Calculando %1 simulaciones al azar de 30 años…</translation>
    </message>
    <message>
        <source>Random runs failed: %1</source>
        <translation>Las simulaciones al azar fallaron: %1</translation>
    </message>
    <message>
        <source>As the plan assumes</source>
        <translation>Según supone el plan</translation>
    </message>
    <message>
        <source>At %1 returns</source>
        <translation>Con rendimientos del %1</translation>
    </message>
    <message>
        <source>At %1 returns, assuming %2</source>
        <translation>Con rendimientos del %1 y un supuesto del %2</translation>
    </message>
    <message>
        <source>With a crash in FY%1, assuming %2</source>
        <translation>Con una caída en el AF%1 y un supuesto del %2</translation>
    </message>
    <message>
        <source>With a crash in FY%1</source>
        <translation>Con una caída en el AF%1</translation>
    </message>
    <message>
        <source>With random returns, assuming %2</source>
        <translation>Con rendimientos al azar y un supuesto del %2</translation>
    </message>
    <message>
        <source>With random returns</source>
        <translation>Con rendimientos al azar</translation>
    </message>
    <message>
        <source>This budget&apos;s General Fund revenue %1 (FY%2 %3), growing %4 a year · the General Fund pays %5 of the contribution</source>
        <translation>Ingresos del Fondo General de este presupuesto: %1 (AF%2 %3), con un crecimiento de %4 al año · el Fondo General paga el %5 de la contribución</translation>
    </message>
    <message>
        <source>%1 every year</source>
        <translation>%1 cada año</translation>
    </message>
    <message>
        <source>crash in year %1</source>
        <translation>caída en el año %1</translation>
    </message>
    <message>
        <source>random, ±%1</source>
        <translation>al azar, ±%1</translation>
    </message>
    <message>
        <source>as assumed</source>
        <translation>lo supuesto</translation>
    </message>
    <message>
        <source>The fund earns</source>
        <translation>El fondo gana</translation>
    </message>
    <message>
        <source>Payoff period</source>
        <translation>Plazo de pago</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 años</translation>
    </message>
    <message>
        <source>City pays, FY%1</source>
        <translation>Paga la ciudad, AF%1</translation>
    </message>
    <message>
        <source>Total FY%1–FY%2</source>
        <translation>Total AF%1–AF%2</translation>
    </message>
    <message>
        <source>Funded, FY%1</source>
        <translation>Financiamiento, AF%1</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Right − left</source>
        <translation>Derecha − izquierda</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 puntos</translation>
    </message>
    <message>
        <source>Almost no chance (under 1%)</source>
        <translation>Casi ninguna probabilidad (menos del 1%)</translation>
    </message>
    <message>
        <source>A near-certain chance (over 99%)</source>
        <translation>Una probabilidad casi segura (más del 99%)</translation>
    </message>
    <message>
        <source>A 1 in %1 chance (%2)</source>
        <translation>Una probabilidad de 1 en %1 (%2)</translation>
    </message>
    <message>
        <source>A %1 chance</source>
        <translation>Una probabilidad del %1</translation>
    </message>
    <message>
        <source>Other older layers</source>
        <translation>Otras capas anteriores</translation>
    </message>
    <message>
        <source>New gains and losses since FY%1</source>
        <translation>Nuevas ganancias y pérdidas desde el AF%1</translation>
    </message>
    <message>
        <source>same as “%1”</source>
        <translation>igual que “%1”</translation>
    </message>
    <message>
        <source>%1%2 vs baseline = %3 positions</source>
        <translation>%1%2 vs la base = %3 puestos</translation>
    </message>
    <message>
        <source>New-tier members: %1 of payroll now, %2 by FY%3</source>
        <translation>Miembros del nivel nuevo: %1 de la nómina hoy, %2 para el AF%3</translation>
    </message>
    <message>
        <source>⚠ Payments don&apos;t cover the interest in %1 of %2 years (FY%3–FY%4): the unfunded liability grows even while the city pays.</source>
        <translation>⚠ Los pagos no cubren los intereses en %1 de %2 años (AF%3–AF%4): el pasivo no financiado crece aunque la ciudad pague.</translation>
    </message>
    <message>
        <source>FY%1: the General Fund pays %2 of %3 revenue: %4.</source>
        <translation>AF%1: el Fondo General paga %2 de %3 de ingresos: %4.</translation>
    </message>
    <message>
        <source>Open a budget to see what this crowds out.</source>
        <translation>Abra un presupuesto para ver lo que esto desplaza.</translation>
    </message>
    <message>
        <source>This budget has no General Fund revenue lines.</source>
        <translation>Este presupuesto no tiene líneas de ingresos del Fondo General.</translation>
    </message>
    <message>
        <source>Against “%1”: %2 more a year in FY%3</source>
        <translation>Frente a “%1”: %2 más al año en el AF%3</translation>
    </message>
    <message>
        <source>Against “%1”: %2 less a year in FY%3</source>
        <translation>Frente a “%1”: %2 menos al año en el AF%3</translation>
    </message>
    <message>
        <source>= %1 full-time positions at %2 each</source>
        <translation>= %1 puestos de tiempo completo a %2 cada uno</translation>
    </message>
    <message>
        <source>= %1 %2 at %3 each</source>
        <translation>= %1 %2 a %3 por unidad</translation>
    </message>
    <message>
        <source>Same cost as “%1” in FY%2: change a lever, or pick another baseline.</source>
        <translation>Mismo costo que “%1” en el AF%2: cambie un ajuste o elija otra base.</translation>
    </message>
    <message>
        <source>The baseline does not reach FY%1.</source>
        <translation>La base no llega al AF%1.</translation>
    </message>
    <message>
        <source>This plan is in index units (liability = 100): open a budget and size the plan to it for dollars.</source>
        <translation>Este plan está en unidades índice (pasivo = 100): abra un presupuesto y ajuste el plan a él para ver dólares.</translation>
    </message>
    <message>
        <source>%1 the plan is %2 funded by FY%3 (%4 now); fully funded in FY%5</source>
        <translation>%1, el plan está financiado al %2 en el AF%3 (%4 hoy); financiado por completo en el AF%5</translation>
    </message>
    <message>
        <source>%1 the plan is %2 funded by FY%3 (%4 now)</source>
        <translation>%1, el plan está financiado al %2 en el AF%3 (%4 hoy)</translation>
    </message>
    <message>
        <source>%1 the city pays %2 more in FY%3 than under “%4”</source>
        <translation>%1, la ciudad paga %2 más en el AF%3 que con “%4”</translation>
    </message>
    <message>
        <source>%1 the city pays %2 less in FY%3 than under “%4”</source>
        <translation>%1, la ciudad paga %2 menos en el AF%3 que con “%4”</translation>
    </message>
    <message>
        <source>%1 the city pays %2 in FY%3 and %4 in FY%5 (%6 of payroll)</source>
        <translation>%1, la ciudad paga %2 en el AF%3 y %4 en el AF%5 (%6 de la nómina)</translation>
    </message>
    <message>
        <source>Payments don&apos;t cover the interest in %1 of %2 years: the debt still grows in FY%3</source>
        <translation>Los pagos no cubren los intereses en %1 de %2 años: la deuda sigue creciendo en el AF%3</translation>
    </message>
    <message>
        <source>Payments don&apos;t cover the interest in %1 of %2 years: the debt grows until FY%3</source>
        <translation>Los pagos no cubren los intereses en %1 de %2 años: la deuda crece hasta el AF%3</translation>
    </message>
    <message>
        <source>Every year&apos;s payment covers its interest; the debt is paid off by FY%1</source>
        <translation>El pago de cada año cubre sus intereses; la deuda queda pagada en el AF%1</translation>
    </message>
    <message>
        <source>Every payment covers its interest; %1 of debt is left in FY%2</source>
        <translation>Cada pago cubre sus intereses; quedan %1 de deuda en el AF%2</translation>
    </message>
    <message>
        <source>%1 the plan is still below 60% funded in FY%2</source>
        <translation>%1 de que el plan siga por debajo del 60% de financiamiento en el AF%2</translation>
    </message>
    <message>
        <source>%1 the plan falls below 60% funded at some point by FY%2</source>
        <translation>%1 de que el plan caiga por debajo del 60% de financiamiento en algún momento hasta el AF%2</translation>
    </message>
    <message>
        <source>Choose random good and bad years to see the range of outcomes</source>
        <translation>Elija años buenos y malos al azar para ver el rango de resultados</translation>
    </message>
    <message>
        <source>Pensions take %1 of General Fund revenue in FY%2 and %3 by FY%4</source>
        <translation>Las pensiones se llevan el %1 de los ingresos del Fondo General en el AF%2 y el %3 en el AF%4</translation>
    </message>
    <message>
        <source>Open a budget to see what share of its General Fund this takes</source>
        <translation>Abra un presupuesto para ver qué parte de su Fondo General se lleva esto</translation>
    </message>
    <message>
        <source>This budget has no General Fund revenue lines to compare with</source>
        <translation>Este presupuesto no tiene líneas de ingresos del Fondo General con las cuales comparar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>These levers</source>
        <translation>Estos ajustes</translation>
    </message>
    <message>
        <source>Example: returns 1.5 points below the assumption</source>
        <translation>Ejemplo: rendimientos 1.5 puntos por debajo del supuesto</translation>
    </message>
    <message>
        <source>Example: assumption cut by 1 point</source>
        <translation>Ejemplo: supuesto reducido 1 punto</translation>
    </message>
    <message>
        <source>Example: a crash in the second year</source>
        <translation>Ejemplo: una caída en el segundo año</translation>
    </message>
    <message>
        <source>Returns 1.5 points lower</source>
        <translation>Rendimientos 1.5 puntos más bajos</translation>
    </message>
    <message>
        <source>Assumption cut 1 point</source>
        <translation>Supuesto reducido 1 punto</translation>
    </message>
    <message>
        <source>Crash in year two</source>
        <translation>Caída en el segundo año</translation>
    </message>
    <message>
        <source>Middle half of the random runs</source>
        <translation>Mitad central de las simulaciones al azar</translation>
    </message>
    <message>
        <source>Smoothed (actuarial) value</source>
        <translation>Valor suavizado (actuarial)</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Valor de mercado</translation>
    </message>
    <message>
        <source>Baseline: %1</source>
        <translation>Base: %1</translation>
    </message>
    <message>
        <source> 60%: a warning line</source>
        <translation> 60%: línea de alerta</translation>
    </message>
    <message>
        <source>Assets ÷ liability</source>
        <translation>Activos ÷ pasivo</translation>
    </message>
    <message>
        <source>Funded ratio: the assets the plan holds for each dollar of benefits earned</source>
        <translation>Nivel de financiamiento: los activos que tiene el plan por cada dólar de beneficios ganados</translation>
    </message>
    <message>
        <source>This scenario</source>
        <translation>Este escenario</translation>
    </message>
    <message>
        <source>9 in 10 random runs</source>
        <translation>9 de cada 10 simulaciones al azar</translation>
    </message>
    <message>
        <source>Employer contribution, % of payroll</source>
        <translation>Contribución del empleador, % de la nómina</translation>
    </message>
    <message>
        <source>Assuming and earning %2</source>
        <translation>Suponiendo y ganando el %2</translation>
    </message>
    <message>
        <source>If the fund earns its %2</source>
        <translation>Si el fondo gana su %2</translation>
    </message>
    <message>
        <source>City pays in FY%1</source>
        <translation>La ciudad paga en el AF%1</translation>
    </message>
    <message>
        <source>%1 of payroll</source>
        <translation>%1 de la nómina</translation>
    </message>
    <message>
        <source>City pays in FY%1 (median)</source>
        <translation>La ciudad paga en el AF%1 (mediana)</translation>
    </message>
    <message>
        <source>%1 of payroll · %2 vs FY%3</source>
        <translation>%1 de la nómina · %2 vs AF%3</translation>
    </message>
    <message>
        <source>Funded in FY%1 (median)</source>
        <translation>Financiamiento en el AF%1 (mediana)</translation>
    </message>
    <message>
        <source>Funded in FY%1</source>
        <translation>Financiamiento en el AF%1</translation>
    </message>
    <message>
        <source>now %1 · market value %2</source>
        <translation>hoy %1 · valor de mercado %2</translation>
    </message>
    <message>
        <source>General Fund</source>
        <translation>Fondo General</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>Sin presupuesto</translation>
    </message>
    <message>
        <source>Open a budget to see what this crowds out</source>
        <translation>Abra un presupuesto para ver lo que esto desplaza</translation>
    </message>
    <message>
        <source>This budget has no General Fund revenue lines</source>
        <translation>Este presupuesto no tiene líneas de ingresos del Fondo General</translation>
    </message>
    <message>
        <source>Share of General Fund revenue, FY%1</source>
        <translation>Parte de los ingresos del Fondo General, AF%1</translation>
    </message>
    <message>
        <source>Employer contribution a year</source>
        <translation>Contribución anual del empleador</translation>
    </message>
    <message>
        <source>Normal cost plus the payment on the unfunded liability, less what employees pay · bars: median of the random runs</source>
        <translation>Costo normal más el pago del pasivo no financiado, menos lo que pagan los empleados · barras: mediana de las simulaciones al azar</translation>
    </message>
    <message>
        <source>Normal cost plus the payment on the unfunded liability, less what employees pay</source>
        <translation>Costo normal más el pago del pasivo no financiado, menos lo que pagan los empleados</translation>
    </message>
    <message>
        <source>Interest on the debt</source>
        <translation>Intereses de la deuda</translation>
    </message>
    <message>
        <source>Payment below interest</source>
        <translation>Pago menor que los intereses</translation>
    </message>
    <message>
        <source>Payment on the unfunded liability a year</source>
        <translation>Pago anual del pasivo no financiado</translation>
    </message>
    <message>
        <source>Each colour is a layer of debt with its own payoff schedule · the path where the fund earns its assumed return</source>
        <translation>Cada color es una capa de deuda con su propio calendario de pagos · la trayectoria en la que el fondo gana su rendimiento supuesto</translation>
    </message>
    <message>
        <source>Each colour is a layer of debt with its own payoff schedule</source>
        <translation>Cada color es una capa de deuda con su propio calendario de pagos</translation>
    </message>
    <message>
        <source>Switch “What the fund earns” to random good and bad years
to see how wide the range of outcomes is.</source>
        <translation>Cambie “Lo que rinde el fondo” a años buenos y malos al azar
para ver qué tan amplio es el rango de resultados.</translation>
    </message>
    <message>
        <source>9 in 10 runs (5th–95th percentile)</source>
        <translation>9 de cada 10 simulaciones (percentiles 5 a 95)</translation>
    </message>
    <message>
        <source>Middle half (25th–75th)</source>
        <translation>Mitad central (percentiles 25 a 75)</translation>
    </message>
    <message>
        <source>Median run</source>
        <translation>Simulación mediana</translation>
    </message>
    <message>
        <source>60% funded</source>
        <translation>60% de financiamiento</translation>
    </message>
    <message>
        <source>Market value ÷ liability</source>
        <translation>Valor de mercado ÷ pasivo</translation>
    </message>
    <message>
        <source>%1 random runs · compound average %2, swings ±%3 a year</source>
        <translation>%1 simulaciones al azar · promedio compuesto %2, variación de ±%3 al año</translation>
    </message>
    <message>
        <source>Paid by the General Fund a year</source>
        <translation>Pagado por el Fondo General cada año</translation>
    </message>
    <message>
        <source>The General Fund&apos;s share of the employer contribution</source>
        <translation>La parte de la contribución del empleador que paga el Fondo General</translation>
    </message>
    <message>
        <source>Pick two sets of assumptions</source>
        <translation>Elija dos juegos de supuestos</translation>
    </message>
    <message>
        <source>Same plan, two sets of assumptions: %1 vs %2 a year in FY%3 (the right is %4 higher)</source>
        <translation>Mismo plan, dos juegos de supuestos: %1 vs %2 al año en el AF%3 (el de la derecha es %4 más alto)</translation>
    </message>
    <message>
        <source>Same plan, two sets of assumptions: %1 vs %2 a year in FY%3 (the right is %4 lower)</source>
        <translation>Mismo plan, dos juegos de supuestos: %1 vs %2 al año en el AF%3 (el de la derecha es %4 más bajo)</translation>
    </message>
    <message>
        <source>Same plan, two sets of assumptions: %1 vs %2 a year in FY%3</source>
        <translation>Mismo plan, dos juegos de supuestos: %1 vs %2 al año en el AF%3</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Your plan</source>
        <translation>Su plan</translation>
    </message>
    <message>
        <source>Copy these from the summary page of your plan&apos;s actuarial valuation. Leave benefit payments at 0 to estimate them.</source>
        <translation>Copie estas cifras de la página de resumen de la valuación actuarial de su plan. Deje los pagos de beneficios en 0 para estimarlos.</translation>
    </message>
    <message>
        <source>Our city&apos;s plan</source>
        <translation>El plan de nuestra ciudad</translation>
    </message>
    <message>
        <source>thousands of dollars</source>
        <translation>miles de dólares</translation>
    </message>
    <message>
        <source>millions of dollars</source>
        <translation>millones de dólares</translation>
    </message>
    <message>
        <source>dollars</source>
        <translation>dólares</translation>
    </message>
    <message>
        <source>Plan &amp;name:</source>
        <translation>&amp;Nombre del plan:</translation>
    </message>
    <message>
        <source>&amp;Valuation year:</source>
        <translation>Año de la &amp;valuación:</translation>
    </message>
    <message>
        <source>Amounts in:</source>
        <translation>Cifras en:</translation>
    </message>
    <message>
        <source>Actuarial &amp;liability:</source>
        <translation>Pasivo &amp;actuarial:</translation>
    </message>
    <message>
        <source>Actuarial accrued liability (AAL): today&apos;s value of benefits earned</source>
        <translation>Pasivo actuarial acumulado (AAL): el valor hoy de los beneficios ganados</translation>
    </message>
    <message>
        <source>&amp;Market value of assets:</source>
        <translation>Valor de &amp;mercado de los activos:</translation>
    </message>
    <message>
        <source>Actuarial (&amp;smoothed) value of assets:</source>
        <translation>Valor actuarial (&amp;suavizado) de los activos:</translation>
    </message>
    <message>
        <source>Leave 0 if the valuation does not smooth: the market value is used</source>
        <translation>Deje 0 si la valuación no suaviza: se usa el valor de mercado</translation>
    </message>
    <message>
        <source>Covered &amp;payroll:</source>
        <translation>Nómina &amp;cubierta:</translation>
    </message>
    <message>
        <source>N&amp;ormal cost:</source>
        <translation>Costo n&amp;ormal:</translation>
    </message>
    <message>
        <source>Total normal cost (employer + employee) as a share of payroll</source>
        <translation>Costo normal total (empleador + empleado) como parte de la nómina</translation>
    </message>
    <message>
        <source>&amp;Employees pay:</source>
        <translation>Los &amp;empleados pagan:</translation>
    </message>
    <message>
        <source>Employee rate, share of pay</source>
        <translation>Tasa del empleado, como parte del salario</translation>
    </message>
    <message>
        <source>&amp;Benefit payments (first year):</source>
        <translation>Pagos de &amp;beneficios (primer año):</translation>
    </message>
    <message>
        <source>0: estimated so the liability grows with payroll</source>
        <translation>0: se estiman para que el pasivo crezca con la nómina</translation>
    </message>
    <message>
        <source>Assumed &amp;return:</source>
        <translation>&amp;Rendimiento supuesto:</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>Tasa de descuento</translation>
    </message>
    <message>
        <source>Payroll &amp;growth:</source>
        <translation>Crecim&amp;iento de la nómina:</translation>
    </message>
    <message>
        <source>Years to pay off shor&amp;tfalls:</source>
        <translation>Años para pagar los dé&amp;ficits:</translation>
    </message>
    <message>
        <source>Pa&amp;yments:</source>
        <translation>Pa&amp;gos:</translation>
    </message>
    <message>
        <source>Share paid by the &amp;General Fund:</source>
        <translation>Parte que paga el Fondo Genera&amp;l:</translation>
    </message>
    <message>
        <source>The rest is paid by enterprise and special funds</source>
        <translation>El resto lo pagan los fondos empresariales y especiales</translation>
    </message>
    <message>
        <source>typed in from the %1 actuarial valuation</source>
        <translation>tomado de la valuación actuarial de %1</translation>
    </message>
    <message>
        <source>estimated: the payments that keep the liability growing with payroll</source>
        <translation>estimado: los pagos que mantienen el pasivo creciendo con la nómina</translation>
    </message>
    <message>
        <source>Actuarial liability</source>
        <translation>Pasivo actuarial</translation>
    </message>
    <message>
        <source>Market value of assets</source>
        <translation>Valor de mercado de los activos</translation>
    </message>
    <message>
        <source>Normal cost</source>
        <translation>Costo normal</translation>
    </message>
    <message>
        <source>Covered payroll</source>
        <translation>Nómina cubierta</translation>
    </message>
    <message>
        <source>Benefit payments</source>
        <translation>Pagos de beneficios</translation>
    </message>
    <message>
        <source>Assumed return</source>
        <translation>Rendimiento supuesto</translation>
    </message>
    <message>
        <source>Payroll growth</source>
        <translation>Crecimiento de la nómina</translation>
    </message>
</context>
</TS>
