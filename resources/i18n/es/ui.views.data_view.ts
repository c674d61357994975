<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>DataView</name>
    <message>
        <source>Search all text columns…</source>
        <extracomment>Columns most people do not need to read a budget; shown from the Columns menu. Columns shown first, in this order; the others follow in the table&apos;s own order. Columns always shown at first: without them a line cannot be read. Keystrokes within this many milliseconds are applied together. Okabe–Ito vermillion: marks an entry that cannot be used. The status line&apos;s text, whenever it changes.</extracomment>
        <translation>Buscar en todas las columnas de texto…</translation>
    </message>
    <message>
        <source>Search all text columns</source>
        <translation>Buscar en todas las columnas de texto</translation>
    </message>
    <message>
        <source>Shows lines that contain every word you type, each in any text column (fund, department, account, year…). Put a phrase in quotes: &quot;general fund&quot;. Esc clears.</source>
        <translation>Muestra las partidas que contienen cada palabra que escriba, en cualquier columna de texto (fondo, departamento, cuenta, año…). Ponga una frase entre comillas: &quot;general fund&quot;. Esc la borra.</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Minimum amount in dollars</source>
        <translation>Monto mínimo en dólares</translation>
    </message>
    <message>
        <source>Show only lines of at least this amount. Examples: 1,000 · 2.5M · 250k</source>
        <translation>Mostrar solo las partidas de al menos este monto. Ejemplos: 1,000 · 2.5M · 250k</translation>
    </message>
    <message>
        <source>Mi&amp;n $</source>
        <translation>Mí&amp;n. $</translation>
    </message>
    <message>
        <source>Maximum amount in dollars</source>
        <translation>Monto máximo en dólares</translation>
    </message>
    <message>
        <source>Show only lines of at most this amount. Examples: 1,000 · 2.5M · 250k</source>
        <translation>Mostrar solo las partidas de como máximo este monto. Ejemplos: 1,000 · 2.5M · 250k</translation>
    </message>
    <message>
        <source>Ma&amp;x $</source>
        <translation>Má&amp;x. $</translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation>Mostrar todas las columnas</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Columnas predeterminadas</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Columnas</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <translation>Elegir columnas</translation>
    </message>
    <message>
        <source>Choose which columns the table shows</source>
        <translation>Elegir qué columnas muestra la tabla</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>✕ Show all lines</source>
        <translation>✕ Mostrar todas las partidas</translation>
    </message>
    <message>
        <source>Show all lines</source>
        <translation>Mostrar todas las partidas</translation>
    </message>
    <message>
        <source>Stop showing only these lines</source>
        <translation>Dejar de mostrar solo estas partidas</translation>
    </message>
    <message>
        <source>Budget line items</source>
        <translation>Partidas del presupuesto</translation>
    </message>
    <message>
        <source>One row per line item, fiscal year and phase. Click a header to sort.</source>
        <translation>Una fila por partida, año fiscal y fase. Haga clic en un encabezado para ordenar.</translation>
    </message>
    <message>
        <source>Open a budget file (%1) or drop one here.</source>
        <translation>Abra un archivo de presupuesto (%1) o suéltelo aquí.</translation>
    </message>
    <message>
        <source>Table summary</source>
        <translation>Resumen de la tabla</translation>
    </message>
    <message>
        <source>Totals add up every line shown. A budget total needs one fiscal year and one phase: search for example “2026 adopted”.</source>
        <translation>Los totales suman todas las partidas mostradas. Un total del presupuesto requiere un solo año fiscal y una sola fase: busque, por ejemplo, “2026 adopted”.</translation>
    </message>
    <message>
        <source>Import &amp;report</source>
        <translation>&amp;Informe de importación</translation>
    </message>
    <message>
        <source>Show import report</source>
        <translation>Mostrar el informe de importación</translation>
    </message>
    <message>
        <source>What the import read, skipped and checked: do the file&apos;s totals add up?</source>
        <translation>Lo que la importación leyó, omitió y verificó: ¿cuadran los totales del archivo?</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Informe de importación</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Mostrando: %1</translation>
    </message>
    <message>
        <source>Not an amount. Type a number such as 1,000, 2.5M or 250k, or leave it blank.</source>
        <translation>No es un monto. Escriba un número como 1,000, 2.5M o 250k, o déjelo en blanco.</translation>
    </message>
    <message>
        <source>Max $ is below Min $, so no line can match.</source>
        <translation>Máx. $ es menor que Mín. $, así que ninguna partida puede coincidir.</translation>
    </message>
    <message>
        <source>Showing %1 of 1 line</source>
        <translation>Partidas mostradas: %1 de 1</translation>
    </message>
    <message>
        <source>Showing %1 of %2 lines</source>
        <translation>Partidas mostradas: %1 de %2</translation>
    </message>
    <message>
        <source>No line matches: “✕ Show all lines” shows every line.</source>
        <translation>Ninguna partida coincide: “✕ Mostrar todas las partidas” las muestra todas.</translation>
    </message>
    <message>
        <source>No line matches: press Esc in the search box to clear it.</source>
        <translation>Ninguna partida coincide: pulse Esc en el cuadro de búsqueda para borrarlo.</translation>
    </message>
    <message>
        <source>Revenue shown: %1</source>
        <translation>Ingresos mostrados: %1</translation>
    </message>
    <message>
        <source>Expense shown: %1</source>
        <translation>Gastos mostrados: %1</translation>
    </message>
    <message>
        <source>Total shown: %1</source>
        <translation>Total mostrado: %1</translation>
    </message>
    <message>
        <source>Min $ is not an amount and is ignored</source>
        <translation>Mín. $ no es un monto y se ignora</translation>
    </message>
    <message>
        <source>Max $ is not an amount and is ignored</source>
        <translation>Máx. $ no es un monto y se ignora</translation>
    </message>
    <message>
        <source>adds up %1 years and %2 phases</source>
        <translation>suma %1 años y %2 fases</translation>
    </message>
    <message>
        <source>adds up %1 years</source>
        <translation>suma %1 años</translation>
    </message>
    <message>
        <source>adds up %1 phases</source>
        <translation>suma %1 fases</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Import &amp;report (%1 to check)</source>
        <translation>&amp;Informe de importación (%1 por revisar)</translation>
    </message>
    <message>
        <source>Hide import report</source>
        <translation>Ocultar el informe de importación</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} o {1}</translation>
    </message>
</context>
</TS>
