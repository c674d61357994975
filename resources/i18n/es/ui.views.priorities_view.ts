<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>PrioritiesView</name>
    <message>
        <source>No session is open. Open a budget, then File ▸ New Session… to take notes, tag themes and run a dot-vote.</source>
        <extracomment>Points of the tally board&apos;s text: readable from the back of a room on a projector.</extracomment>
        <translation>No hay ninguna sesión abierta. Abra un presupuesto y luego Archivo ▸ Nueva sesión… para tomar notas, marcar temas y hacer una votación con puntos.</translation>
    </message>
    <message>
        <source>Filter notes by theme</source>
        <translation>Filtrar notas por tema</translation>
    </message>
    <message>
        <source>Filter notes by stance</source>
        <translation>Filtrar notas por postura</translation>
    </message>
    <message>
        <source>Filter notes by author</source>
        <translation>Filtrar notas por autor</translation>
    </message>
    <message>
        <source>Filter notes by department</source>
        <translation>Filtrar notas por departamento</translation>
    </message>
    <message>
        <source>Department contains…</source>
        <translation>El departamento contiene…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Postura</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>&amp;Delete Note</source>
        <translation>&amp;Eliminar nota</translation>
    </message>
    <message>
        <source>Delete the selected note</source>
        <translation>Eliminar la nota seleccionada</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>St&amp;ance:</source>
        <translation>P&amp;ostura:</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>A&amp;utor:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Dots left</source>
        <translation>Puntos restantes</translation>
    </message>
    <message>
        <source>Participant&apos;s name</source>
        <translation>Nombre del participante</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Participant&apos;s group</source>
        <translation>Grupo del participante</translation>
    </message>
    <message>
        <source>Group (optional)</source>
        <translation>Grupo (opcional)</translation>
    </message>
    <message>
        <source>Add &amp;Participant</source>
        <translation>Añadir &amp;participante</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected participant and their dots</source>
        <translation>Quitar al participante seleccionado y sus puntos</translation>
    </message>
    <message>
        <source>Who is placing dots</source>
        <translation>Quién coloca puntos</translation>
    </message>
    <message>
        <source>Dots per participant</source>
        <translation>Puntos por participante</translation>
    </message>
    <message>
        <source>How many dots each participant has to place</source>
        <translation>Cuántos puntos tiene que colocar cada participante</translation>
    </message>
    <message>
        <source>Theme to place a dot on</source>
        <translation>Tema en el que colocar un punto</translation>
    </message>
    <message>
        <source>Dot on the Selected Note&apos;s &amp;Item</source>
        <translation>Punto al e&amp;lemento de la nota</translation>
    </message>
    <message>
        <source>Place one of this participant&apos;s dots on what the selected note is about</source>
        <translation>Colocar uno de los puntos de este participante en aquello de lo que trata la nota seleccionada</translation>
    </message>
    <message>
        <source>Dot on This T&amp;heme</source>
        <translation>Punto en e&amp;ste tema</translation>
    </message>
    <message>
        <source>&amp;Take Back Dots</source>
        <translation>&amp;Retirar puntos</translation>
    </message>
    <message>
        <source>Take back all of this participant&apos;s dots</source>
        <translation>Retirar todos los puntos de este participante</translation>
    </message>
    <message>
        <source>Dot-Vote</source>
        <translation>Votación con puntos</translation>
    </message>
    <message>
        <source>&amp;Voter:</source>
        <translation>&amp;Votante:</translation>
    </message>
    <message>
        <source>Dots &amp;each:</source>
        <translation>Puntos para &amp;cada uno:</translation>
    </message>
    <message>
        <source>Th&amp;eme:</source>
        <translation>Te&amp;ma:</translation>
    </message>
    <message>
        <source>Tally board</source>
        <translation>Tablero del conteo</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>Conteo</translation>
    </message>
    <message>
        <source>Show Only the Tall&amp;y</source>
        <translation>Mostrar solo el co&amp;nteo</translation>
    </message>
    <message>
        <source>For the projector: hide the notes and participants, keep the tally large</source>
        <translation>Para el proyector: ocultar las notas y los participantes, y dejar el conteo en grande</translation>
    </message>
    <message>
        <source>Theme: {0}</source>
        <translation>Tema: {0}</translation>
    </message>
    <message>
        <source>Line: {0}</source>
        <translation>Partida: {0}</translation>
    </message>
    <message>
        <source>Department: {0}</source>
        <translation>Departamento: {0}</translation>
    </message>
    <message>
        <source>Fund: {0}</source>
        <translation>Fondo: {0}</translation>
    </message>
    <message>
        <source>Program: {0}</source>
        <translation>Programa: {0}</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>{0} (not in this budget)</source>
        <translation>{0} (no está en este presupuesto)</translation>
    </message>
    <message>
        <source>{0} of {1} notes</source>
        <translation>{0} de {1} notas</translation>
    </message>
    <message>
        <source>{0} notes</source>
        <translation>{0} notas</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 nota</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Add participants to start the dot-vote</source>
        <translation>Añada participantes para empezar la votación con puntos</translation>
    </message>
    <message>
        <source>{0} has {1} of {2} dots left</source>
        <translation>A {0} le quedan {1} de {2} puntos</translation>
    </message>
    <message>
        <source>No dots placed yet. Pick a voter, select a note, place a dot.</source>
        <translation>Todavía no hay puntos. Elija un votante, seleccione una nota y coloque un punto.</translation>
    </message>
    <message>
        <source>By item</source>
        <translation>Por elemento</translation>
    </message>
    <message>
        <source>By theme</source>
        <translation>Por tema</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>Sin grupo</translation>
    </message>
    <message>
        <source>By group</source>
        <translation>Por grupo</translation>
    </message>
    <message>
        <source>1 dot placed</source>
        <translation>1 punto colocado</translation>
    </message>
    <message>
        <source>{0} dots placed</source>
        <translation>{0} puntos colocados</translation>
    </message>
    <message>
        <source>Not done: {0}</source>
        <translation>No se hizo: {0}</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Añadir participante</translation>
    </message>
    <message>
        <source>Take back dots</source>
        <translation>Retirar puntos</translation>
    </message>
    <message>
        <source>Not done: {0} already placed more than {1} dots</source>
        <translation>No se hizo: {0} ya colocó más de {1} puntos</translation>
    </message>
    <message>
        <source>Change dots per participant</source>
        <translation>Cambiar los puntos por participante</translation>
    </message>
</context>
</TS>
