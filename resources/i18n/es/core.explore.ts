<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>explore</name>
    <message>
        <source>(not stated)</source>
        <extracomment>Levels a tree can be grouped by, with their names for people. ``object`` is derived from the account and its category (see :func:`object_class`); the others are canonical columns. The usual order: fund type, fund, department, division, program, account. Department first: who spends it, then from which fund. &quot;By object&quot;: personnel, retirement, services and supplies, capital, transfers, ... Named orders of levels, for a preset menu.</extracomment>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Retirement</source>
        <translation>Jubilación</translation>
    </message>
    <message>
        <source>Services &amp; supplies</source>
        <translation>Servicios y suministros</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>Capital</translation>
    </message>
    <message>
        <source>Debt service</source>
        <translation>Servicio de la deuda</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferencias</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Impuestos</translation>
    </message>
    <message>
        <source>Charges &amp; fees</source>
        <translation>Cargos y tarifas</translation>
    </message>
    <message>
        <source>Intergovernmental</source>
        <translation>Intergubernamentales</translation>
    </message>
    <message>
        <source>Licenses, permits &amp; fines</source>
        <translation>Licencias, permisos y multas</translation>
    </message>
    <message>
        <source>Interest &amp; rents</source>
        <translation>Intereses y rentas</translation>
    </message>
    <message>
        <source>Fund balance</source>
        <translation>Saldo del fondo</translation>
    </message>
    <message>
        <source>Transfers in</source>
        <translation>Transferencias recibidas</translation>
    </message>
    <message>
        <source>General Fund</source>
        <translation>Fondo General</translation>
    </message>
    <message>
        <source>Special revenue funds</source>
        <translation>Fondos de ingresos especiales</translation>
    </message>
    <message>
        <source>Capital project funds</source>
        <translation>Fondos de proyectos de capital</translation>
    </message>
    <message>
        <source>Debt service funds</source>
        <translation>Fondos de servicio de la deuda</translation>
    </message>
    <message>
        <source>Enterprise funds</source>
        <translation>Fondos empresariales</translation>
    </message>
    <message>
        <source>Internal service funds</source>
        <translation>Fondos de servicios internos</translation>
    </message>
    <message>
        <source>Fiduciary funds</source>
        <translation>Fondos fiduciarios</translation>
    </message>
    <message>
        <source>Funds of unknown type</source>
        <translation>Fondos de tipo desconocido</translation>
    </message>
    <message>
        <source>actual</source>
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
        <source>All spending</source>
        <translation>Todo el gasto</translation>
    </message>
    <message>
        <source>of all spending</source>
        <translation>de todo el gasto</translation>
    </message>
    <message>
        <source>General Fund spending</source>
        <translation>Gasto del Fondo General</translation>
    </message>
    <message>
        <source>of General Fund spending</source>
        <translation>del gasto del Fondo General</translation>
    </message>
    <message>
        <source>Restricted spending</source>
        <translation>Gasto restringido</translation>
    </message>
    <message>
        <source>of restricted spending</source>
        <translation>del gasto restringido</translation>
    </message>
    <message>
        <source>General Fund restricted spending</source>
        <translation>Gasto restringido del Fondo General</translation>
    </message>
    <message>
        <source>of General Fund restricted spending</source>
        <translation>del gasto restringido del Fondo General</translation>
    </message>
    <message>
        <source>Unrestricted spending</source>
        <translation>Gasto no restringido</translation>
    </message>
    <message>
        <source>of unrestricted spending</source>
        <translation>del gasto no restringido</translation>
    </message>
    <message>
        <source>General Fund unrestricted spending</source>
        <translation>Gasto no restringido del Fondo General</translation>
    </message>
    <message>
        <source>of General Fund unrestricted spending</source>
        <translation>del gasto no restringido del Fondo General</translation>
    </message>
    <message>
        <source>All revenue</source>
        <translation>Todos los ingresos</translation>
    </message>
    <message>
        <source>of all revenue</source>
        <translation>de todos los ingresos</translation>
    </message>
    <message>
        <source>General Fund revenue</source>
        <translation>Ingresos del Fondo General</translation>
    </message>
    <message>
        <source>of General Fund revenue</source>
        <translation>de los ingresos del Fondo General</translation>
    </message>
    <message>
        <source>Restricted revenue</source>
        <translation>Ingresos restringidos</translation>
    </message>
    <message>
        <source>of restricted revenue</source>
        <translation>de los ingresos restringidos</translation>
    </message>
    <message>
        <source>General Fund restricted revenue</source>
        <translation>Ingresos restringidos del Fondo General</translation>
    </message>
    <message>
        <source>of General Fund restricted revenue</source>
        <translation>de los ingresos restringidos del Fondo General</translation>
    </message>
    <message>
        <source>Unrestricted revenue</source>
        <translation>Ingresos no restringidos</translation>
    </message>
    <message>
        <source>of unrestricted revenue</source>
        <translation>de los ingresos no restringidos</translation>
    </message>
    <message>
        <source>General Fund unrestricted revenue</source>
        <translation>Ingresos no restringidos del Fondo General</translation>
    </message>
    <message>
        <source>of General Fund unrestricted revenue</source>
        <translation>de los ingresos no restringidos del Fondo General</translation>
    </message>
    <message>
        <source>of {scope}</source>
        <extracomment>The columns whose values together decide a line&apos;s object class. for ``object``: class -&gt; the (is_transfer, category, account_name) triples in it the levels grouped by, top down (levels where every line had the same value are skipped) levels skipped because every line had one value, and that value levels asked for that hold nothing at all in these lines (every value blank) the root&apos;s &quot;of ...&quot; form in a sentence (&quot;of General Fund spending&quot;)</extracomment>
        <translation>de {scope}</translation>
    </message>
    <message>
        <source>Not drawn (negative): {items} and {n} more</source>
        <translation>Sin dibujar (negativos): {items} y {n} más</translation>
    </message>
    <message>
        <source>Not drawn (negative): {items}</source>
        <translation>Sin dibujar (negativos): {items}</translation>
    </message>
    <message>
        <source>{n} at $0 not drawn</source>
        <translation>{n} en $0 sin dibujar</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} y {last}</translation>
    </message>
    <message>
        <source>Spending from the {label}</source>
        <translation>Gasto del {label}</translation>
    </message>
    <message>
        <source>of spending from the {label}</source>
        <translation>del gasto del {label}</translation>
    </message>
    <message>
        <source>Revenue from the {label}</source>
        <translation>Ingresos del {label}</translation>
    </message>
    <message>
        <source>of revenue from the {label}</source>
        <translation>de los ingresos del {label}</translation>
    </message>
    <message>
        <source>Spending from {label}</source>
        <translation>Gasto de {label}</translation>
    </message>
    <message>
        <source>of spending from {label}</source>
        <translation>del gasto de {label}</translation>
    </message>
    <message>
        <source>Revenue from {label}</source>
        <translation>Ingresos de {label}</translation>
    </message>
    <message>
        <source>of revenue from {label}</source>
        <translation>de los ingresos de {label}</translation>
    </message>
    <message>
        <source>Spending on {label}</source>
        <translation>Gasto en {label}</translation>
    </message>
    <message>
        <source>of spending on {label}</source>
        <translation>del gasto en {label}</translation>
    </message>
    <message>
        <source>{label} spending</source>
        <translation>Gasto de {label}</translation>
    </message>
    <message>
        <source>of {label} spending</source>
        <translation>del gasto de {label}</translation>
    </message>
    <message>
        <source>{label} revenue</source>
        <translation>Ingresos de {label}</translation>
    </message>
    <message>
        <source>of {label} revenue</source>
        <translation>de los ingresos de {label}</translation>
    </message>
    <message>
        <source>{names} are {share} {of_scope}</source>
        <translation>{names} son el {share} {of_scope}</translation>
    </message>
    <message>
        <source>{names} is {share} {of_scope}</source>
        <translation>{names} es el {share} {of_scope}</translation>
    </message>
    <message>
        <source>{scope} is spread out: the largest part, {label}, is {share}</source>
        <translation>{scope}: ninguna parte domina; la mayor, {label}, es el {share}</translation>
    </message>
    <message>
        <source>{scope} is the same as in {compare}</source>
        <translation>{scope}: igual que en el {compare}</translation>
    </message>
    <message>
        <source>{scope} grows {size} from {compare}</source>
        <translation>{scope}: sube {size} respecto al {compare}</translation>
    </message>
    <message>
        <source>{scope} falls {size} from {compare}</source>
        <translation>{scope}: baja {size} respecto al {compare}</translation>
    </message>
    <message>
        <source>; {label} ran {amount} over</source>
        <translation>; {label} quedó {amount} por encima</translation>
    </message>
    <message>
        <source>; {label} ran {amount} under</source>
        <translation>; {label} quedó {amount} por debajo</translation>
    </message>
    <message>
        <source>; {label} add the most ({amount})</source>
        <translation>; el mayor aumento es {label} ({amount})</translation>
    </message>
    <message>
        <source>; {label} adds the most ({amount})</source>
        <translation>; el mayor aumento es {label} ({amount})</translation>
    </message>
    <message>
        <source>; {label} cut the most ({amount})</source>
        <translation>; la mayor reducción es {label} ({amount})</translation>
    </message>
    <message>
        <source>; {label} cuts the most ({amount})</source>
        <translation>; la mayor reducción es {label} ({amount})</translation>
    </message>
    <message>
        <source>, and {n} more</source>
        <translation>, y {n} más</translation>
    </message>
    <message>
        <source>actual matched the budget</source>
        <extracomment>Which budget an actual is measured against, best first: the final (amended) budget.</extracomment>
        <translation>lo real coincidió con el presupuesto</translation>
    </message>
    <message>
        <source>actual was {size} under budget</source>
        <translation>lo real quedó {size} por debajo del presupuesto</translation>
    </message>
    <message>
        <source>actual was {size} over budget</source>
        <translation>lo real quedó {size} por encima del presupuesto</translation>
    </message>
    <message>
        <source>FY{year} {phase}</source>
        <translation>AF{year} {phase}</translation>
    </message>
</context>
</TS>
