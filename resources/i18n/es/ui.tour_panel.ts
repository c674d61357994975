<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddStepDialog</name>
    <message>
        <source>Add This View as a Step</source>
        <translation>Añadir esta vista como paso</translation>
    </message>
    <message>
        <source>Title of the step</source>
        <translation>Título del paso</translation>
    </message>
    <message>
        <source>e.g. Our parks depend on one parcel tax</source>
        <translation>p. ej. Nuestros parques dependen de un impuesto por parcela</translation>
    </message>
    <message>
        <source>Question to ask at a budget hearing</source>
        <translation>Pregunta para hacer en una audiencia del presupuesto</translation>
    </message>
    <message>
        <source>e.g. What happens to the parks if it expires?</source>
        <translation>p. ej. ¿Qué pasa con los parques si vence?</translation>
    </message>
    <message>
        <source>Explanation (optional)</source>
        <translation>Explicación (opcional)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>&amp;Explanation:</source>
        <translation>&amp;Explicación:</translation>
    </message>
    <message>
        <source>Shows:</source>
        <translation>Muestra:</translation>
    </message>
</context>
<context>
    <name>TourPanel</name>
    <message>
        <source>The Data view cannot narrow by “{0}”.</source>
        <extracomment>Explore&apos;s groupings by the tour&apos;s names for them. Select keys that are canonical columns (the Data view can filter by them).</extracomment>
        <translation>La vista de Datos no puede filtrar por «{0}».</translation>
    </message>
    <message>
        <source>No pension plan “{0}” is installed.</source>
        <translation>No hay ningún plan de pensiones «{0}» instalado.</translation>
    </message>
    <message>
        <source>No recession “{0}” is offered.</source>
        <translation>No se ofrece ninguna recesión «{0}».</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Pensions</source>
        <translation>Pensiones</translation>
    </message>
    <message>
        <source>Tradeoffs</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>Prioridades</translation>
    </message>
    <message>
        <source>General Fund only</source>
        <translation>solo el Fondo General</translation>
    </message>
    <message>
        <source>net of transfers</source>
        <translation>neto de transferencias</translation>
    </message>
    <message>
        <source>unrestricted money only</source>
        <translation>solo dinero no restringido</translation>
    </message>
    <message>
        <source>restricted money only</source>
        <translation>solo dinero restringido</translation>
    </message>
    <message>
        <source>Budget 101 Tour</source>
        <translation>Recorrido Presupuesto 101</translation>
    </message>
    <message>
        <source>Budget 101 tour</source>
        <translation>Recorrido Presupuesto 101</translation>
    </message>
    <message>
        <source>Tour steps</source>
        <extracomment>menu commands, made by :func:`install_tour`</extracomment>
        <translation>Pasos del recorrido</translation>
    </message>
    <message>
        <source>Open the &amp;Teaching Sample</source>
        <translation>Abrir el &amp;ejemplo didáctico</translation>
    </message>
    <message>
        <source>Open the teaching sample</source>
        <translation>Abrir el ejemplo didáctico</translation>
    </message>
    <message>
        <source>Now you can ask at a budget hearing:</source>
        <translation>Ahora puede preguntar en una audiencia del presupuesto:</translation>
    </message>
    <message>
        <source>Show the sources</source>
        <translation>Mostrar las fuentes</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Anterior</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Show this step again</source>
        <translation>Mostrar este paso otra vez</translation>
    </message>
    <message>
        <source>Open this step&apos;s view and selection again</source>
        <translation>Abrir otra vez la vista y la selección de este paso</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>This step could not be shown in full: {0}</source>
        <translation>Este paso no se pudo mostrar completo: {0}</translation>
    </message>
    <message>
        <source>Your tour file could not be used, so the shipped tour is shown: {0}</source>
        <translation>No se pudo usar su archivo del recorrido, así que se muestra el recorrido original: {0}</translation>
    </message>
    <message>
        <source>Tour file: {0}. Edit it and save; the tour reloads by itself.</source>
        <translation>Archivo del recorrido: {0}. Edítelo y guárdelo; el recorrido se vuelve a cargar solo.</translation>
    </message>
    <message>
        <source>Step “{0}” added at the end of the tour</source>
        <translation>Paso «{0}» añadido al final del recorrido</translation>
    </message>
    <message>
        <source>The tour has no steps</source>
        <translation>El recorrido no tiene pasos</translation>
    </message>
    <message>
        <source>Step {n} of {count}</source>
        <translation>Paso {n} de {count}</translation>
    </message>
    <message>
        <source>Sources ({0})</source>
        <translation>Fuentes ({0})</translation>
    </message>
    <message>
        <source>No budget is open. Open one, or the teaching sample, to see this step on real figures.</source>
        <translation>No hay ningún presupuesto abierto. Abra uno, o el ejemplo didáctico, para ver este paso con cifras reales.</translation>
    </message>
    <message>
        <source>This budget lacks {0}, so this step cannot show it here. The explanation below still holds.</source>
        <translation>Este presupuesto no tiene {0}, así que este paso no lo puede mostrar aquí. La explicación de abajo sigue valiendo.</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} y {1}</translation>
    </message>
    <message>
        <source>T&amp;our</source>
        <translation>&amp;Recorrido</translation>
    </message>
    <message>
        <source>Budget 101 &amp;Tour Panel</source>
        <translation>Panel del &amp;recorrido Presupuesto 101</translation>
    </message>
    <message>
        <source>Show or hide the Budget 101 tour</source>
        <translation>Mostrar u ocultar el recorrido Presupuesto 101</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>Paso &amp;siguiente</translation>
    </message>
    <message>
        <source>Go to the next step of the tour and show it</source>
        <translation>Ir al paso siguiente del recorrido y mostrarlo</translation>
    </message>
    <message>
        <source>&amp;Previous Step</source>
        <translation>Paso &amp;anterior</translation>
    </message>
    <message>
        <source>Go back one step</source>
        <translation>Volver un paso</translation>
    </message>
    <message>
        <source>&amp;Show This Step Again</source>
        <translation>&amp;Mostrar este paso otra vez</translation>
    </message>
    <message>
        <source>Open the current step&apos;s view and selection again</source>
        <translation>Abrir otra vez la vista y la selección del paso actual</translation>
    </message>
    <message>
        <source>&amp;Add This View as a Step…</source>
        <translation>A&amp;ñadir esta vista como paso…</translation>
    </message>
    <message>
        <source>Keep the view on screen and its selection as a new step of your tour</source>
        <translation>Guardar la vista en pantalla y su selección como un paso nuevo de su recorrido</translation>
    </message>
    <message>
        <source>&amp;Open Tour File for Editing</source>
        <translation>Abrir el archivo del recorrido para &amp;editarlo</translation>
    </message>
    <message>
        <source>Copy the tour to your data folder and show it, to edit or reorder steps</source>
        <translation>Copiar el recorrido a su carpeta de datos y mostrarlo, para editar o reordenar los pasos</translation>
    </message>
    <message>
        <source>&amp;Reload Tour File</source>
        <translation>&amp;Volver a cargar el archivo del recorrido</translation>
    </message>
    <message>
        <source>Read your tour file again</source>
        <translation>Leer otra vez su archivo del recorrido</translation>
    </message>
</context>
</TS>
