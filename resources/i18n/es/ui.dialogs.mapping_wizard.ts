<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>MappingWizard</name>
    <message>
      <source>Map the columns — {0}</source>
      <extracomment>emitted after every preview recomputation (valid or not) proposed sheets left unticked because they repeat another sheet's figures overrides of an amount column, kept while its role is switched away and back results of the last preview: the lines (None when invalid) and the error shown where the profile was saved on accept (None when not saved), and why it failed</extracomment>
      <translation>Asignar las columnas — {0}</translation>
    </message>
    <message>
      <source>Column mapping for {0}</source>
      <translation>Asignación de columnas de {0}</translation>
    </message>
    <message>
      <source>Not imported</source>
      <translation>No se importa</translation>
    </message>
    <message>
      <source>Amount (money)</source>
      <translation>Monto (dinero)</translation>
    </message>
    <message>
      <source>Fiscal year</source>
      <translation>Año fiscal</translation>
    </message>
    <message>
      <source>Budget phase (actual, adopted…)</source>
      <translation>Fase del presupuesto (real, adoptado…)</translation>
    </message>
    <message>
      <source>Revenue or expense</source>
      <translation>Ingreso o gasto</translation>
    </message>
    <message>
      <source>Fund code</source>
      <translation>Código de fondo</translation>
    </message>
    <message>
      <source>Fund name</source>
      <translation>Nombre del fondo</translation>
    </message>
    <message>
      <source>Fund type</source>
      <translation>Tipo de fondo</translation>
    </message>
    <message>
      <source>Restricted or not</source>
      <translation>Restringido o no</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <source>Division</source>
      <translation>División</translation>
    </message>
    <message>
      <source>Program</source>
      <translation>Programa</translation>
    </message>
    <message>
      <source>Account code</source>
      <translation>Código de cuenta</translation>
    </message>
    <message>
      <source>Account name</source>
      <translation>Nombre de la cuenta</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Categoría</translation>
    </message>
    <message>
      <source>Ongoing or one-time</source>
      <translation>Recurrente o único</translation>
    </message>
    <message>
      <source>Fund code and name</source>
      <translation>Código y nombre del fondo</translation>
    </message>
    <message>
      <source>Account code and name</source>
      <translation>Código y nombre de la cuenta</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Monto</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Fase</translation>
    </message>
    <message>
      <source>Rev/Exp</source>
      <translation>Ing./Gasto</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Restringido</translation>
    </message>
    <message>
      <source>Ongoing/one-time</source>
      <translation>Recurrente/único</translation>
    </message>
    <message>
      <source>Fund code + name</source>
      <translation>Código + nombre del fondo</translation>
    </message>
    <message>
      <source>Account code + name</source>
      <translation>Código + nombre de cuenta</translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>Real</translation>
    </message>
    <message>
      <source>Adopted</source>
      <translation>Adoptado</translation>
    </message>
    <message>
      <source>Amended</source>
      <translation>Modificado</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Propuesto</translation>
    </message>
    <message>
      <source>Recommended</source>
      <translation>Recomendado</translation>
    </message>
    <message>
      <source>Estimate</source>
      <translation>Estimado</translation>
    </message>
    <message>
      <source>Tell budgetbench what each column holds. The preview at the bottom shows the line items and totals the import will produce.</source>
      <translation>Indique a budgetbench qué contiene cada columna. La vista previa de abajo muestra las partidas y los totales que producirá la importación.</translation>
    </message>
    <message>
      <source>What detection was unsure about</source>
      <translation>Lo que la detección no pudo determinar con certeza</translation>
    </message>
    <message>
      <source>&amp;Sheet:</source>
      <translation>&amp;Hoja:</translation>
    </message>
    <message>
      <source>{0} (hidden)</source>
      <translation>{0} (oculta)</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Hoja</translation>
    </message>
    <message>
      <source>The sheet shown and mapped below</source>
      <translation>La hoja que se muestra y se asigna abajo</translation>
    </message>
    <message>
      <source>I&amp;mport this sheet</source>
      <translation>I&amp;mportar esta hoja</translation>
    </message>
    <message>
      <source>Import this sheet</source>
      <translation>Importar esta hoja</translation>
    </message>
    <message>
      <source>Untick sheets that repeat the same figures in another shape</source>
      <translation>Desmarque las hojas que repiten las mismas cifras en otra forma</translation>
    </message>
    <message>
      <source>&amp;Header row:</source>
      <translation>&amp;Fila de encabezado:</translation>
    </message>
    <message>
      <source>Header row, numbered as in the spreadsheet</source>
      <translation>Fila de encabezado, numerada como en la hoja de cálculo</translation>
    </message>
    <message>
      <source>The row that holds the column labels, numbered as the spreadsheet shows it</source>
      <translation>La fila que contiene los títulos de las columnas, numerada como la muestra la hoja de cálculo</translation>
    </message>
    <message>
      <source>S&amp;econd header row:</source>
      <translation>S&amp;egunda fila de encabezado:</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ninguna</translation>
    </message>
    <message>
      <source>Second header row (optional)</source>
      <translation>Segunda fila de encabezado (opcional)</translation>
    </message>
    <message>
      <source>Some files label their columns on two rows, such as a year above and “Adopted” below; choose the second row here</source>
      <translation>Algunos archivos ponen los títulos de las columnas en dos filas, por ejemplo un año arriba y “Adopted” abajo; elija aquí la segunda fila</translation>
    </message>
    <message>
      <source>&amp;Amounts are in:</source>
      <translation>Los mo&amp;ntos están en:</translation>
    </message>
    <message>
      <source>dollars</source>
      <translation>dólares</translation>
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
      <source>Amounts are in</source>
      <translation>Los montos están en</translation>
    </message>
    <message>
      <source>&amp;Revenue is shown as:</source>
      <translation>Los &amp;ingresos aparecen como:</translation>
    </message>
    <message>
      <source>positive numbers</source>
      <translation>números positivos</translation>
    </message>
    <message>
      <source>negative numbers (flip them)</source>
      <translation>números negativos (cambiarles el signo)</translation>
    </message>
    <message>
      <source>decide from the numbers</source>
      <translation>decidir según las cifras</translation>
    </message>
    <message>
      <source>Revenue is shown as</source>
      <translation>Los ingresos aparecen como</translation>
    </message>
    <message>
      <source>Sheet &amp;cells (header rows in blue and bold):</source>
      <translation>&amp;Celdas de la hoja (filas de encabezado en azul y negrita):</translation>
    </message>
    <message>
      <source>The sheet's cells</source>
      <translation>Las celdas de la hoja</translation>
    </message>
    <message>
      <source>The first rows of the sheet as the spreadsheet shows them; the header rows are highlighted and bold; each column title says what it is mapped to</source>
      <translation>Las primeras filas de la hoja como las muestra la hoja de cálculo; las filas de encabezado están resaltadas y en negrita; el título de cada columna indica a qué se asigna</translation>
    </message>
    <message>
      <source>What each col&amp;umn holds:</source>
      <translation>&amp;Qué contiene cada columna:</translation>
    </message>
    <message>
      <source>&amp;Guess from Header</source>
      <translation>&amp;Deducir del encabezado</translation>
    </message>
    <message>
      <source>Guess the roles from the header row</source>
      <translation>Deducir las funciones a partir de la fila de encabezado</translation>
    </message>
    <message>
      <source>Choose every column's role again from the labels in the header row</source>
      <translation>Volver a elegir la función de cada columna a partir de los títulos de la fila de encabezado</translation>
    </message>
    <message>
      <source>Column roles</source>
      <translation>Funciones de las columnas</translation>
    </message>
    <message>
      <source>Preview of the import</source>
      <translation>Vista previa de la importación</translation>
    </message>
    <message>
      <source>Import summary</source>
      <translation>Resumen de la importación</translation>
    </message>
    <message>
      <source>Why this mapping cannot be imported</source>
      <translation>Por qué no se puede importar con esta asignación</translation>
    </message>
    <message>
      <source>&amp;Lines (the first {0}):</source>
      <translation>&amp;Partidas (las primeras {0}):</translation>
    </message>
    <message>
      <source>The first imported line items</source>
      <translation>Las primeras partidas importadas</translation>
    </message>
    <message>
      <source>&amp;Totals by year, phase and type:</source>
      <translation>&amp;Totales por año, fase y tipo:</translation>
    </message>
    <message>
      <source>Totals by fiscal year, phase and direction</source>
      <translation>Totales por año fiscal, fase e ingreso o gasto</translation>
    </message>
    <message>
      <source>Save as a &amp;profile named:</source>
      <translation>&amp;Guardar como perfil con el nombre:</translation>
    </message>
    <message>
      <source>Save this mapping as a profile</source>
      <translation>Guardar esta asignación como perfil</translation>
    </message>
    <message>
      <source>Files with the same column labels (next year's file from the same place) will then import this way without asking</source>
      <translation>Así, los archivos con los mismos títulos de columna (el archivo del año próximo del mismo lugar) se importarán de esta forma sin preguntar</translation>
    </message>
    <message>
      <source>Profile name</source>
      <translation>Nombre del perfil</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>Imp&amp;ortar</translation>
    </message>
    <message>
      <source>Import with this mapping</source>
      <translation>Importar con esta asignación</translation>
    </message>
    <message>
      <source>Cancel the import</source>
      <translation>Cancelar la importación</translation>
    </message>
    <message>
      <source>sheet “{0}” is not ticked: it seems to repeat figures of the ticked sheets</source>
      <translation>la hoja “{0}” no está marcada: parece repetir cifras de las hojas marcadas</translation>
    </message>
    <message>
      <source>budgetbench could not find the table in this file by itself:</source>
      <translation>budgetbench no pudo encontrar por sí solo la tabla de este archivo:</translation>
    </message>
    <message>
      <source>Please check the columns; detection was unsure about this file:</source>
      <translation>Revise las columnas; la detección tuvo dudas sobre este archivo:</translation>
    </message>
    <message>
      <source>Please check:</source>
      <translation>Revise lo siguiente:</translation>
    </message>
    <message>
      <source>the column labels did not match the usual names</source>
      <translation>los títulos de las columnas no coinciden con los nombres habituales</translation>
    </message>
    <message>
      <source>Column {0}</source>
      <translation>Columna {0}</translation>
    </message>
    <message>
      <source>× {0:g} (as saved)</source>
      <translation>× {0:g} (como se guardó)</translation>
    </message>
    <message>
      <source>Only the first {0} of {1} columns are listed.</source>
      <translation>Solo se listan las primeras {0} de {1} columnas.</translation>
    </message>
    <message>
      <source>FY: header</source>
      <translation>AF: encabezado</translation>
    </message>
    <message>
      <source>Phase: header</source>
      <translation>Fase: encabezado</translation>
    </message>
    <message>
      <source>Rev/exp: rows</source>
      <translation>Ing./gasto: filas</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>Ingreso</translation>
    </message>
    <message>
      <source>Expense</source>
      <translation>Gasto</translation>
    </message>
    <message>
      <source>Column {0}: “{1}”</source>
      <translation>Columna {0}: “{1}”</translation>
    </message>
    <message>
      <source>Role of column {0}, “{1}”</source>
      <translation>Función de la columna {0}, “{1}”</translation>
    </message>
    <message>
      <source>What column {0} (“{1}”) holds</source>
      <translation>Qué contiene la columna {0} (“{1}”)</translation>
    </message>
    <message>
      <source>Fiscal year of column {0}</source>
      <translation>Año fiscal de la columna {0}</translation>
    </message>
    <message>
      <source>The fiscal year of the amounts in column {0} (the year it ends)</source>
      <translation>El año fiscal de los montos de la columna {0} (el año en que termina)</translation>
    </message>
    <message>
      <source>Budget phase of column {0}</source>
      <translation>Fase del presupuesto de la columna {0}</translation>
    </message>
    <message>
      <source>Actual, adopted, proposed… for column {0}</source>
      <translation>Real, adoptado, propuesto… para la columna {0}</translation>
    </message>
    <message>
      <source>Revenue or expense, column {0}</source>
      <translation>Ingreso o gasto, columna {0}</translation>
    </message>
    <message>
      <source>Whether column {0} holds revenue or spending</source>
      <translation>Si la columna {0} contiene ingresos o gastos</translation>
    </message>
    <message>
      <source>Tick “Import this sheet” for at least one sheet.</source>
      <translation>Marque “Importar esta hoja” en al menos una hoja.</translation>
    </message>
    <message>
      <source>No line items with amounts were found under the header row.</source>
      <translation>No se encontraron partidas con montos debajo de la fila de encabezado.</translation>
    </message>
    <message>
      <source>This mapping cannot be read ({0}).</source>
      <translation>No se puede leer con esta asignación ({0}).</translation>
    </message>
    <message>
      <source>(You can type the year in the “FY” box under an amount column.)</source>
      <translation>(Puede escribir el año en la casilla “AF” debajo de una columna de montos.)</translation>
    </message>
    <message>
      <source>This mapping cannot be imported: {0}</source>
      <translation>No se puede importar con esta asignación: {0}</translation>
    </message>
    <message>
      <source>{0} line items.</source>
      <translation>{0} partidas.</translation>
    </message>
    <message>
      <source>Rows left out: {0}.</source>
      <translation>Filas omitidas: {0}.</translation>
    </message>
    <message>
      <source>To stay quick, the preview and its totals read only the first {0} rows of a sheet; the import reads them all.</source>
      <translation>Para que sea rápida, la vista previa y sus totales leen solo las primeras {0} filas de una hoja; la importación las lee todas.</translation>
    </message>
    <message>
      <source>Revenue was negative in the file and is shown positive.</source>
      <translation>Los ingresos estaban en negativo en el archivo y se muestran en positivo.</translation>
    </message>
    <message>
      <source>Note: {0}</source>
      <translation>Nota: {0}</translation>
    </message>
    <message>
      <source>(and 1 more note)</source>
      <translation>(y 1 nota más)</translation>
    </message>
    <message>
      <source>(and {0} more notes)</source>
      <translation>(y {0} notas más)</translation>
    </message>
    <message>
      <source>From cell</source>
      <translation>Celda de origen</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Año</translation>
    </message>
    <message>
      <source>Revenue / expense</source>
      <translation>Ingreso / gasto</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>Partidas</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>Fund</source>
      <translation>Fondo</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Cuenta</translation>
    </message>
  </context>
  <context>
    <name>RawCellsModel</name>
    <message>
      <source>header cell {0}: {1}</source>
      <extracomment>Edits within this many milliseconds are previewed together. Rows of raw cells shown (more when the header row is further down). Columns listed with a role choice; a sheet wider than this is rare and never a budget table. Normalised lines shown in the preview. The live preview reads at most this many rows of a sheet, so every edit answers at once (the import itself reads them all). Detection is "unsure" below this confidence. Columns that hold two things at once, like "100 - General Fund" (code and name). The year spin box's lowest value stands for "read the year from the header". Columns of the line preview, in order; empty ones are left out.</extracomment>
      <translation>celda de encabezado {0}: {1}</translation>
    </message>
    <message>
      <source>Column {0}: {1}</source>
      <translation>Columna {0}: {1}</translation>
    </message>
    <message>
      <source>not imported</source>
      <translation>no se importa</translation>
    </message>
    <message>
      <source>Row {0}: header row</source>
      <translation>Fila {0}: fila de encabezado</translation>
    </message>
  </context>
</TS>