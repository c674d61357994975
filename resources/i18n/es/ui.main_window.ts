<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>MainWindow</name>
    <message>
      <source>Budget files (%1);;All files (*)</source>
      <extracomment>The application's name (a name, the same in every language).</extracomment>
      <translation>Archivos de presupuesto (%1);;Todos los archivos (*)</translation>
    </message>
    <message>
      <source>Indexing lines</source>
      <extracomment>Loads shorter than this never show the progress bar (no flicker). Below this detection confidence the window offers to check the column mapping. A failed load whose message says one of these opens the mapping wizard (map by hand).</extracomment>
      <translation>Indexando las partidas</translation>
    </message>
    <message>
      <source>Looking for the table</source>
      <translation>Buscando la tabla</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Listo</translation>
    </message>
    <message>
      <source>Views</source>
      <extracomment>Windows made by a language switch (the first one is kept by whoever made it). the interface language changed: this window handed over to the new one given the column-mapping wizard was opened (it is shown non-blocking; see ``mapping_wizard``)</extracomment>
      <translation>Vistas</translation>
    </message>
    <message>
      <source>&amp;Data</source>
      <translation>&amp;Datos</translation>
    </message>
    <message>
      <source>&amp;Explore</source>
      <translation>&amp;Explorar</translation>
    </message>
    <message>
      <source>F&amp;lows</source>
      <translation>F&amp;lujos</translation>
    </message>
    <message>
      <source>&amp;Pensions</source>
      <translation>&amp;Pensiones</translation>
    </message>
    <message>
      <source>&amp;Tradeoffs</source>
      <translation>De&amp;cisiones</translation>
    </message>
    <message>
      <source>P&amp;riorities</source>
      <translation>P&amp;rioridades</translation>
    </message>
    <message>
      <source>Loading progress</source>
      <translation>Progreso de la carga</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <source>Cancel loading</source>
      <translation>Cancelar la carga</translation>
    </message>
    <message>
      <source>Detection was unsure of the columns</source>
      <translation>La detección no estaba segura de las columnas</translation>
    </message>
    <message>
      <source>Check the Column &amp;Mapping…</source>
      <translation>Revisar la &amp;asignación de columnas…</translation>
    </message>
    <message>
      <source>Check the column mapping</source>
      <translation>Revisar la asignación de columnas</translation>
    </message>
    <message>
      <source>See how each column was read, correct it, and save it for files like this</source>
      <translation>Ver cómo se leyó cada columna, corregirla y guardarla para archivos como este</translation>
    </message>
    <message>
      <source>Dismiss the column mapping notice</source>
      <translation>Descartar el aviso sobre la asignación de columnas</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Descartar</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Abrir…</translation>
    </message>
    <message>
      <source>Open a budget spreadsheet (CSV, Excel, OpenDocument)</source>
      <translation>Abrir una hoja de cálculo de presupuesto (CSV, Excel, OpenDocument)</translation>
    </message>
    <message>
      <source>Import with &amp;Mapping…</source>
      <translation>&amp;Importar con asignación…</translation>
    </message>
    <message>
      <source>Open a budget and say yourself what each of its columns holds</source>
      <translation>Abrir un presupuesto e indicar usted qué contiene cada una de sus columnas</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
      <source>Open &amp;Teaching Sample</source>
      <translation>Abrir el ejemplo &amp;didáctico</translation>
    </message>
    <message>
      <source>Open the Sycamore Springs teaching budget</source>
      <translation>Abrir el presupuesto didáctico de Sycamore Springs</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <source>Every line item, searchable</source>
      <translation>Todas las partidas, con búsqueda</translation>
    </message>
    <message>
      <source>Where does the money go? Drill down from funds to accounts</source>
      <translation>¿Adónde va el dinero? Baje de los fondos hasta las cuentas</translation>
    </message>
    <message>
      <source>Where does it come from, and through which fund?</source>
      <translation>¿De dónde viene y por qué fondo pasa?</translation>
    </message>
    <message>
      <source>What does a pension assumption cost, and what does it crowd out?</source>
      <translation>¿Cuánto cuesta un supuesto de pensiones y qué desplaza?</translation>
    </message>
    <message>
      <source>The next five years of the General Fund: measures, recessions, balancing</source>
      <translation>Los próximos cinco años del Fondo General: medidas, recesiones, equilibrio</translation>
    </message>
    <message>
      <source>The room's notes, themes and dot-vote</source>
      <translation>Las notas, los temas y la votación con puntos del grupo</translation>
    </message>
    <message>
      <source>&amp;Find in Lines</source>
      <translation>&amp;Buscar en las partidas</translation>
    </message>
    <message>
      <source>Show &amp;Levers</source>
      <translation>Mostrar &amp;ajustes</translation>
    </message>
    <message>
      <source>Show or hide the levers beside the Pensions and Tradeoffs charts</source>
      <translation>Mostrar u ocultar los ajustes junto a los gráficos de Pensiones y Decisiones</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Ay&amp;uda</translation>
    </message>
    <message>
      <source>&amp;About budgetbench</source>
      <translation>&amp;Acerca de budgetbench</translation>
    </message>
    <message>
      <source>Show &amp;Log File Location</source>
      <translation>Mostrar dónde está el archivo de &amp;registro</translation>
    </message>
    <message>
      <source>Clear Recent Files</source>
      <translation>Borrar la lista de archivos recientes</translation>
    </message>
    <message>
      <source>No recent files</source>
      <translation>No hay archivos recientes</translation>
    </message>
    <message>
      <source>FY%1</source>
      <translation>AF%1</translation>
    </message>
    <message>
      <source>spending</source>
      <translation>gasto</translation>
    </message>
    <message>
      <source>revenue</source>
      <translation>ingresos</translation>
    </message>
    <message>
      <source>All lines</source>
      <translation>Todas las partidas</translation>
    </message>
    <message>
      <source>Open a budget</source>
      <translation>Abrir un presupuesto</translation>
    </message>
    <message>
      <source>Opening {0}…</source>
      <translation>Abriendo {0}…</translation>
    </message>
    <message>
      <source>Import a budget with a mapping</source>
      <translation>Importar un presupuesto con una asignación</translation>
    </message>
    <message>
      <source>Reading {0}…</source>
      <translation>Leyendo {0}…</translation>
    </message>
    <message>
      <source>Detection was unsure of this file's columns</source>
      <translation>La detección no estaba segura de las columnas de este archivo</translation>
    </message>
    <message>
      <source>Detection was unsure</source>
      <translation>La detección no estaba segura</translation>
    </message>
    <message>
      <source>About budgetbench</source>
      <translation>Acerca de budgetbench</translation>
    </message>
    <message>
      <source>&lt;h3&gt;budgetbench {0}&lt;/h3&gt;&lt;p&gt;An offline workbench for learning how a city or county budget works: where the money comes from, which fund holds it, and who spends it.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;budgetbench {0}&lt;/h3&gt;&lt;p&gt;Un banco de trabajo sin conexión para aprender cómo funciona el presupuesto de una ciudad o un condado: de dónde viene el dinero, qué fondo lo guarda y quién lo gasta.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Log file</source>
      <translation>Archivo de registro</translation>
    </message>
    <message>
      <source>Problems are recorded in:
{0}</source>
      <translation>Los problemas se registran en:
{0}</translation>
    </message>
    <message>
      <source>Opened {0}: {1} line items in {2:.1f} s</source>
      <translation>Se abrió {0}: {1} partidas en {2:.1f} s</translation>
    </message>
    <message>
      <source>an unexpected error occurred ({0}: {1}); details are in {2}</source>
      <translation>ocurrió un error inesperado ({0}: {1}); los detalles están en {2}</translation>
    </message>
    <message>
      <source>Could not open {0}</source>
      <translation>No se pudo abrir {0}</translation>
    </message>
    <message>
      <source>No table found in {0}: map its columns by hand</source>
      <translation>No se encontró ninguna tabla en {0}: asigne sus columnas a mano</translation>
    </message>
    <message>
      <source>Could not open the budget</source>
      <translation>No se pudo abrir el presupuesto</translation>
    </message>
    <message>
      <source>&lt;b&gt;{0}&lt;/b&gt; could not be opened.</source>
      <translation>No se pudo abrir &lt;b&gt;{0}&lt;/b&gt;.</translation>
    </message>
    <message>
      <source>The budget that was open stays open.</source>
      <translation>El presupuesto que estaba abierto sigue abierto.</translation>
    </message>
    <message>
      <source>Import with mapping cancelled</source>
      <translation>Se canceló la importación con asignación</translation>
    </message>
    <message>
      <source>The mapping could not be saved as a profile: {0}</source>
      <translation>No se pudo guardar la asignación como perfil: {0}</translation>
    </message>
    <message>
      <source>Opening cancelled</source>
      <translation>Se canceló la apertura</translation>
    </message>
    <message>
      <source>&amp;New Session…</source>
      <translation>&amp;Nueva sesión…</translation>
    </message>
    <message>
      <source>Start a session file for the open budget: notes, themes, dot-votes</source>
      <translation>Empezar un archivo de sesión para el presupuesto abierto: notas, temas, votaciones con puntos</translation>
    </message>
    <message>
      <source>Open &amp;Session…</source>
      <translation>Abrir s&amp;esión…</translation>
    </message>
    <message>
      <source>Open a session file and the budget it was made for</source>
      <translation>Abrir un archivo de sesión y el presupuesto para el que se hizo</translation>
    </message>
    <message>
      <source>Save Session &amp;As…</source>
      <translation>&amp;Guardar sesión como…</translation>
    </message>
    <message>
      <source>Copy the session to a new file and continue in the copy</source>
      <translation>Copiar la sesión a un archivo nuevo y seguir en la copia</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>&amp;Exportar…</translation>
    </message>
    <message>
      <source>Save the budget with the room's notes and votes: workbook, CSV or handout</source>
      <translation>Guardar el presupuesto con las notas y los votos del grupo: libro de Excel, CSV o folleto</translation>
    </message>
    <message>
      <source>&amp;Merge Notes from an Export…</source>
      <translation>&amp;Combinar notas de una exportación…</translation>
    </message>
    <message>
      <source>Add the notes and votes of an exported workbook to this session</source>
      <translation>Agregar a esta sesión las notas y los votos de un libro exportado</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edición</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Deshacer</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Rehacer</translation>
    </message>
    <message>
      <source>Add &amp;Note…</source>
      <translation>Agregar &amp;nota…</translation>
    </message>
    <message>
      <source>Note what the room says about the selected line, department or fund</source>
      <translation>Anotar lo que dice el grupo sobre la partida, el departamento o el fondo seleccionado</translation>
    </message>
    <message>
      <source>Re&amp;open Session</source>
      <translation>&amp;Volver a abrir la sesión</translation>
    </message>
    <message>
      <source>Reopen the last session</source>
      <translation>Volver a abrir la última sesión</translation>
    </message>
    <message>
      <source>Dismiss the offer</source>
      <translation>Descartar la oferta</translation>
    </message>
    <message>
      <source>budgetbench did not close cleanly. Reopen {0}?</source>
      <translation>budgetbench no se cerró correctamente. ¿Volver a abrir {0}?</translation>
    </message>
    <message>
      <source>Sessions (*%1)</source>
      <translation>Sesiones (*%1)</translation>
    </message>
    <message>
      <source>Open a budget first, then start a session</source>
      <translation>Primero abra un presupuesto y luego empiece una sesión</translation>
    </message>
    <message>
      <source>New session</source>
      <translation>Nueva sesión</translation>
    </message>
    <message>
      <source>Session {0} started: every note is saved as you go</source>
      <translation>Sesión {0} iniciada: cada nota se guarda al momento</translation>
    </message>
    <message>
      <source>Open a session</source>
      <translation>Abrir una sesión</translation>
    </message>
    <message>
      <source>Sessions (*%1);;All files (*)</source>
      <translation>Sesiones (*%1);;Todos los archivos (*)</translation>
    </message>
    <message>
      <source>Opened session {0}: {1} notes</source>
      <translation>Se abrió la sesión {0}: {1} notas</translation>
    </message>
    <message>
      <source>Notes to check</source>
      <translation>Notas por revisar</translation>
    </message>
    <message>
      <source>{0} notes moved to a similar line of this budget.</source>
      <translation>{0} notas pasaron a una partida parecida de este presupuesto.</translation>
    </message>
    <message>
      <source>{0} notes are about items this budget does not have. They are kept and listed in Priorities.</source>
      <translation>{0} notas tratan de elementos que este presupuesto no tiene. Se conservan y aparecen en Prioridades.</translation>
    </message>
    <message>
      <source>Save session as</source>
      <translation>Guardar la sesión como</translation>
    </message>
    <message>
      <source>Session saved as {0}</source>
      <translation>Sesión guardada como {0}</translation>
    </message>
    <message>
      <source>Session {0}: {1}</source>
      <translation>Sesión {0}: {1}</translation>
    </message>
    <message>
      <source>Open a budget first, then export it</source>
      <translation>Primero abra un presupuesto y luego expórtelo</translation>
    </message>
    <message>
      <source>Merge notes from</source>
      <translation>Combinar notas de</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Start or open a session first: File ▸ New Session…</source>
      <translation>Primero inicie o abra una sesión: Archivo ▸ Nueva sesión…</translation>
    </message>
    <message>
      <source>Merged {0}: {1}</source>
      <translation>Combinado {0}: {1}</translation>
    </message>
    <message>
      <source>The room's notes</source>
      <translation>Las notas del grupo</translation>
    </message>
    <message>
      <source>{0} holds a room's notes and votes. Start a session (File ▸ New Session…) and then File ▸ Merge Notes from an Export to add them.</source>
      <translation>{0} contiene notas y votos de un grupo. Inicie una sesión (Archivo ▸ Nueva sesión…) y luego use Archivo ▸ Combinar notas de una exportación para agregarlos.</translation>
    </message>
    <message>
      <source>{0} holds a room's notes and votes. Add them to this session?</source>
      <translation>{0} contiene notas y votos de un grupo. ¿Agregarlos a esta sesión?</translation>
    </message>
    <message>
      <source>Start a session first: File ▸ New Session…</source>
      <translation>Primero empiece una sesión: Archivo ▸ Nueva sesión…</translation>
    </message>
    <message>
      <source>A department (nothing is selected in this view)</source>
      <translation>Un departamento (no hay nada seleccionado en esta vista)</translation>
    </message>
    <message>
      <source>Note added (Ctrl+Z undoes it)</source>
      <translation>Nota agregada (Ctrl+Z la deshace)</translation>
    </message>
  </context>
</TS>