<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>forecast</name>
    <message>
        <source>Salaries and wages</source>
        <extracomment>Most years a forecast runs. GFOA&apos;s recommended minimum unrestricted General Fund balance: two months of spending. Default tolerance of the balance meter: this share of base-year General Fund spending. Retirement growth used when the file holds a single year. Spending objects, in display order.</extracomment>
        <translation>Salarios y sueldos</translation>
    </message>
    <message>
        <source>Retirement (pension)</source>
        <translation>Jubilación (pensiones)</translation>
    </message>
    <message>
        <source>Health and retiree health</source>
        <translation>Salud y salud de jubilados</translation>
    </message>
    <message>
        <source>Other benefits</source>
        <translation>Otras prestaciones</translation>
    </message>
    <message>
        <source>Services and supplies</source>
        <translation>Servicios y suministros</translation>
    </message>
    <message>
        <source>Capital and equipment</source>
        <translation>Capital y equipo</translation>
    </message>
    <message>
        <source>Debt service</source>
        <translation>Servicio de la deuda</translation>
    </message>
    <message>
        <source>Transfers to other funds</source>
        <translation>Transferencias a otros fondos</translation>
    </message>
    <message>
        <source>Contributions to reserves</source>
        <translation>Aportes a reservas</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>library branch open 7 days</source>
        <extracomment>Flags a year can carry (the ``flags`` column joins them with &quot;; &quot;). Patterns naming each spending object, tried in order on the account, then the category. Units a room understands, by words in a department&apos;s name (editable per scenario): the pattern, the unit, its plural and its cost a year. Names are translated where they are used (:func:`default_units`, :func:`unit_plural`).</extracomment>
        <translation>biblioteca abierta 7 días a la semana</translation>
    </message>
    <message>
        <source>library branches open 7 days</source>
        <translation>bibliotecas abiertas 7 días a la semana</translation>
    </message>
    <message>
        <source>fire engine company (14 firefighters)</source>
        <translation>compañía de camión de bomberos (14 bomberos)</translation>
    </message>
    <message>
        <source>fire engine companies (14 firefighters each)</source>
        <translation>compañías de camión de bomberos (14 bomberos cada una)</translation>
    </message>
    <message>
        <source>police officer on patrol (salary and benefits)</source>
        <translation>policía de patrulla (sueldo y prestaciones)</translation>
    </message>
    <message>
        <source>police officers on patrol (salary and benefits)</source>
        <translation>policías de patrulla (sueldo y prestaciones)</translation>
    </message>
    <message>
        <source>park maintenance crew (4 workers)</source>
        <translation>cuadrilla de mantenimiento de parques (4 trabajadores)</translation>
    </message>
    <message>
        <source>park maintenance crews (4 workers each)</source>
        <translation>cuadrillas de mantenimiento de parques (4 trabajadores cada una)</translation>
    </message>
    <message>
        <source>road crew (6 workers)</source>
        <translation>cuadrilla de calles (6 trabajadores)</translation>
    </message>
    <message>
        <source>road crews (6 workers each)</source>
        <translation>cuadrillas de calles (6 trabajadores cada una)</translation>
    </message>
    <message>
        <source>public health nurse</source>
        <translation>enfermera de salud pública</translation>
    </message>
    <message>
        <source>public health nurses</source>
        <translation>enfermeras de salud pública</translation>
    </message>
    <message>
        <source>eligibility worker</source>
        <translation>trabajador de elegibilidad</translation>
    </message>
    <message>
        <source>eligibility workers</source>
        <translation>trabajadores de elegibilidad</translation>
    </message>
    <message>
        <source>deputy probation officer</source>
        <translation>oficial de libertad condicional</translation>
    </message>
    <message>
        <source>deputy probation officers</source>
        <translation>oficiales de libertad condicional</translation>
    </message>
    <message>
        <source>planner or inspector</source>
        <translation>planificador o inspector</translation>
    </message>
    <message>
        <source>planners or inspectors</source>
        <translation>planificadores o inspectores</translation>
    </message>
    <message>
        <source>full-time position (salary and benefits)</source>
        <translation>puesto de tiempo completo (sueldo y prestaciones)</translation>
    </message>
    <message>
        <source>full-time positions (salary and benefits)</source>
        <translation>puestos de tiempo completo (sueldo y prestaciones)</translation>
    </message>
    <message>
        <source>FY{year}</source>
        <translation>AF{year}</translation>
    </message>
    <message>
        <source>the budget has no lines to forecast</source>
        <extracomment>Alias: the brief&apos;s name for the inputs of a forecast.</extracomment>
        <translation>el presupuesto no tiene partidas que pronosticar</translation>
    </message>
    <message>
        <source>no General Fund lines in FY{year} ({phase}): mark the General Fund&apos;s type as &apos;general&apos; to forecast it</source>
        <translation>no hay partidas del Fondo General en el AF{year} ({phase}): marque el tipo del Fondo General como &apos;general&apos; para pronosticarlo</translation>
    </message>
    <message>
        <source>the file has no General Fund revenue for FY{year}: only spending is forecast</source>
        <translation>el archivo no tiene ingresos del Fondo General para el AF{year}: solo se pronostica el gasto</translation>
    </message>
    <message>
        <source>{count} General Fund lines do not say whether they are ongoing or one-time: they are treated as ongoing</source>
        <translation>{count} partidas del Fondo General no dicen si son recurrentes o únicas: se tratan como recurrentes</translation>
    </message>
    <message>
        <source>FY{year}: ongoing revenue covers ongoing spending (within {tolerance})</source>
        <extracomment>the notes about the pension path (a missing Pensions scenario, years held...)</extracomment>
        <translation>AF{year}: los ingresos recurrentes cubren el gasto recurrente (con una diferencia de hasta {tolerance})</translation>
    </message>
    <message>
        <source>FY{year}: ongoing spending exceeds ongoing revenue by {amount}; close it to within {tolerance} to balance</source>
        <translation>AF{year}: el gasto recurrente supera los ingresos recurrentes en {amount}; redúzcalo a menos de {tolerance} para equilibrar</translation>
    </message>
    <message>
        <source>FY{year}: ongoing revenue exceeds ongoing spending by {amount}</source>
        <translation>AF{year}: los ingresos recurrentes superan el gasto recurrente en {amount}</translation>
    </message>
    <message>
        <source>{meter}; {amount} of one-time money pays ongoing costs</source>
        <translation>{meter}; {amount} de dinero único pagan costos recurrentes</translation>
    </message>
    <message>
        <source>In FY{year} ongoing spending ({spending}) exceeds ongoing revenue ({revenue}) by {gap}: a structural gap, covered with {once} of one-time money.</source>
        <translation>En el AF{year} el gasto recurrente ({spending}) supera los ingresos recurrentes ({revenue}) en {gap}: una brecha estructural, cubierta con {once} de dinero único.</translation>
    </message>
    <message>
        <source>In FY{year} ongoing spending ({spending}) exceeds ongoing revenue ({revenue}) by {gap}: a structural gap.</source>
        <translation>En el AF{year} el gasto recurrente ({spending}) supera los ingresos recurrentes ({revenue}) en {gap}: una brecha estructural.</translation>
    </message>
    <message>
        <source>In FY{year} ongoing revenue covers ongoing spending.</source>
        <translation>En el AF{year} los ingresos recurrentes cubren el gasto recurrente.</translation>
    </message>
    <message>
        <source>By FY{year} the structural gap is {amount} a year.</source>
        <translation>Para el AF{year} la brecha estructural es de {amount} al año.</translation>
    </message>
    <message>
        <source>By FY{year} ongoing revenue exceeds ongoing spending by {amount}.</source>
        <translation>Para el AF{year} los ingresos recurrentes superan el gasto recurrente en {amount}.</translation>
    </message>
    <message>
        <source>By FY{year} the budget is structurally balanced.</source>
        <translation>Para el AF{year} el presupuesto está en equilibrio estructural.</translation>
    </message>
    <message>
        <source>The reserve ends FY{year} at {amount}, {months} months of spending (GFOA suggests at least {gfoa}).</source>
        <translation>La reserva termina el AF{year} en {amount}, {months} meses de gasto (la GFOA sugiere al menos {gfoa}).</translation>
    </message>
    <message>
        <source>One-time money pays ongoing costs in {years}.</source>
        <translation>El dinero único paga costos recurrentes en {years}.</translation>
    </message>
    <message>
        <source>the pension scenario has no contributions</source>
        <extracomment>what each sentence is about: &quot;gap&quot;, &quot;reserve&quot;, &quot;department:&lt;name&gt;&quot;, &quot;measure:&lt;name&gt;&quot;...</extracomment>
        <translation>el escenario de pensiones no tiene contribuciones</translation>
    </message>
    <message>
        <source>the pension scenario&apos;s years do not overlap the forecast: its first year is taken as the base year</source>
        <translation>los años del escenario de pensiones no coinciden con el pronóstico: su primer año se toma como año base</translation>
    </message>
    <message>
        <source>the pension scenario ends before the forecast: its last contribution is held for 1 year</source>
        <translation>el escenario de pensiones termina antes que el pronóstico: su última contribución se mantiene durante 1 año</translation>
    </message>
    <message>
        <source>the pension scenario ends before the forecast: its last contribution is held for {n} years</source>
        <translation>el escenario de pensiones termina antes que el pronóstico: su última contribución se mantiene durante {n} años</translation>
    </message>
    <message>
        <source>the pension scenario “{name}” holds no contributions by year</source>
        <translation>el escenario de pensiones “{name}” no tiene contribuciones por año</translation>
    </message>
    <message>
        <source>paired with the pension asset shock (-24% then 3 x 12%) in year {year}: choose a Pensions scenario with that crash for its cost</source>
        <translation>combinada con la caída de los activos de pensiones (-24% y luego 3 × 12%) en el año {year}: elija un escenario de Pensiones con esa caída para ver su costo</translation>
    </message>
    <message>
        <source>no revenue stream is called “{name}”: its lever is ignored</source>
        <translation>ninguna fuente de ingresos se llama “{name}”: su ajuste se ignora</translation>
    </message>
    <message>
        <source>no Pensions scenario is called “{name}”</source>
        <translation>ningún escenario de Pensiones se llama “{name}”</translation>
    </message>
    <message>
        <source>the pension scenario&apos;s first contribution is zero</source>
        <translation>la primera contribución del escenario de pensiones es cero</translation>
    </message>
    <message>
        <source>the budget has no General Fund retirement lines to follow the pension scenario</source>
        <translation>el presupuesto no tiene partidas de jubilación del Fondo General que puedan seguir el escenario de pensiones</translation>
    </message>
    <message>
        <source>no department is called “{name}”: its lever adds a new line</source>
        <translation>ningún departamento se llama “{name}”: su ajuste agrega una partida nueva</translation>
    </message>
    <message>
        <source>the file does not give the General Fund reserve: it is assumed at GFOA&apos;s two months of spending ({amount}); set it to see the real picture</source>
        <translation>el archivo no da la reserva del Fondo General: se supone igual a los dos meses de gasto de la GFOA ({amount}); escríbala para ver el panorama real</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>Gasto</translation>
    </message>
    <message>
        <source>Structural gap</source>
        <translation>Brecha estructural</translation>
    </message>
    <message>
        <source>Surplus or deficit</source>
        <translation>Superávit o déficit</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <source>Reserve, months of spending</source>
        <translation>Reserva, meses de gasto</translation>
    </message>
    <message>
        <source>New tax measures</source>
        <translation>Medidas fiscales nuevas</translation>
    </message>
    <message>
        <source>Spending levers</source>
        <translation>Ajustes de gasto</translation>
    </message>
    <message>
        <source>Spending: {department}</source>
        <translation>Gasto: {department}</translation>
    </message>
    <message>
        <source>Revenue: {kind}</source>
        <translation>Ingresos: {kind}</translation>
    </message>
    <message>
        <source>The two forecasts share no fiscal year.</source>
        <translation>Los dos pronósticos no tienen ningún año fiscal en común.</translation>
    </message>
    <message>
        <source>“{b}” and “{a}” give the same forecast.</source>
        <translation>“{b}” y “{a}” dan el mismo pronóstico.</translation>
    </message>
    <message>
        <source>a structural gap of {amount}</source>
        <translation>una brecha estructural de {amount}</translation>
    </message>
    <message>
        <source>a structural surplus of {amount}</source>
        <translation>un superávit estructural de {amount}</translation>
    </message>
    <message>
        <source>no structural gap</source>
        <translation>equilibrio estructural</translation>
    </message>
    <message>
        <source>In FY{year}, “{b}” has {gap_b}, against {gap_a} in “{a}”.</source>
        <translation>En el AF{year}, “{b}” tiene {gap_b}, frente a {gap_a} en “{a}”.</translation>
    </message>
    <message>
        <source>In FY{year}, “{b}” has {gap_b}, against {gap_a} in “{a}”: {amount} smaller.</source>
        <translation>En el AF{year}, “{b}” tiene {gap_b}, frente a {gap_a} en “{a}”: {amount} menos.</translation>
    </message>
    <message>
        <source>In FY{year}, “{b}” has {gap_b}, against {gap_a} in “{a}”: {amount} larger.</source>
        <translation>En el AF{year}, “{b}” tiene {gap_b}, frente a {gap_a} en “{a}”: {amount} más.</translation>
    </message>
    <message>
        <source>The reserve ends FY{year} at {amount} ({months} months of spending) in “{b}”, {difference} more than in “{a}” ({other}).</source>
        <translation>La reserva termina el AF{year} en {amount} ({months} meses de gasto) en “{b}”, {difference} más que en “{a}” ({other}).</translation>
    </message>
    <message>
        <source>The reserve ends FY{year} at {amount} ({months} months of spending) in “{b}”, {difference} less than in “{a}” ({other}).</source>
        <translation>La reserva termina el AF{year} en {amount} ({months} meses de gasto) en “{b}”, {difference} menos que en “{a}” ({other}).</translation>
    </message>
    <message>
        <source>{department} spends {amount} less in FY{year}{pct} in “{b}”</source>
        <translation>{department} gasta {amount} menos en el AF{year}{pct} en “{b}”</translation>
    </message>
    <message>
        <source>{department} spends {amount} more in FY{year}{pct} in “{b}”</source>
        <translation>{department} gasta {amount} más en el AF{year}{pct} en “{b}”</translation>
    </message>
    <message>
        <source>{sentence}, about {count} × “{unit}”</source>
        <translation>{sentence}, cerca de {count} × “{unit}”</translation>
    </message>
    <message>
        <source>“{b}” adds {measure}: {amount} in FY{year} ({tax_type}, {vote}).</source>
        <translation>“{b}” agrega {measure}: {amount} en el AF{year} ({tax_type}, {vote}).</translation>
    </message>
    <message>
        <source>“{b}” includes the {recession} recession: revenue is {amount} lower in FY{year} than in “{a}”.</source>
        <translation>“{b}” incluye la recesión “{recession}”: los ingresos son {amount} más bajos en el AF{year} que en “{a}”.</translation>
    </message>
    <message>
        <source>“{b}” uses one-time money for ongoing costs in {years}.</source>
        <translation>“{b}” usa dinero único para costos recurrentes en {years}.</translation>
    </message>
    <message>
        <source>“{b}” never uses one-time money for ongoing costs.</source>
        <translation>“{b}” nunca usa dinero único para costos recurrentes.</translation>
    </message>
    <message>
        <source>“{b}” is structurally balanced in {count_b} of {n} forecast years; “{a}” in {count_a}.</source>
        <translation>“{b}” está en equilibrio estructural en {count_b} de {n} años del pronóstico; “{a}”, en {count_a}.</translation>
    </message>
</context>
</TS>
