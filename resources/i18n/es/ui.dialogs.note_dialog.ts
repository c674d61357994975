<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add a Note</source>
        <extracomment>Stances for people (English), in the order of :data:`STANCES`; shown via ``stance_label``.</extracomment>
        <translation>Añadir una nota</translation>
    </message>
    <message>
        <source>What the note is about</source>
        <translation>Sobre qué es la nota</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What does the room say about it?</source>
        <translation>¿Qué dice el grupo al respecto?</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Tick the room&apos;s priority themes this note is about</source>
        <translation>Marque los temas prioritarios del grupo a los que se refiere esta nota</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>Tema nuevo</translation>
    </message>
    <message>
        <source>Add a theme, e.g. parks</source>
        <translation>Añada un tema, p. ej., parques</translation>
    </message>
    <message>
        <source>Add &amp;Theme</source>
        <translation>Añadir &amp;tema</translation>
    </message>
    <message>
        <source>Add the theme to the room&apos;s list</source>
        <translation>Añadir el tema a la lista del grupo</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Postura</translation>
    </message>
    <message>
        <source>No stance</source>
        <translation>Sin postura</translation>
    </message>
    <message>
        <source>Author or group</source>
        <translation>Autor o grupo</translation>
    </message>
    <message>
        <source>Who says so (a name or a table)</source>
        <translation>Quién lo dice (un nombre o una mesa)</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Sobre:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Departamento:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>T&amp;hemes:</source>
        <translation>T&amp;emas:</translation>
    </message>
    <message>
        <source>&amp;Stance:</source>
        <translation>&amp;Postura:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
</context>
</TS>
