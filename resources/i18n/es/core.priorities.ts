<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>priorities</name>
    <message>
        <source>Protect it</source>
        <extracomment>What a note says should happen to its target. Each stance as people say it (English; :func:`stance_label` gives the interface&apos;s language).</extracomment>
        <translation>Protegerlo</translation>
    </message>
    <message>
        <source>Increase it</source>
        <translation>Aumentarlo</translation>
    </message>
    <message>
        <source>Cut it</source>
        <translation>Recortarlo</translation>
    </message>
    <message>
        <source>Question it</source>
        <translation>Cuestionarlo</translation>
    </message>
    <message>
        <source>housing</source>
        <extracomment>Levels a note or a vote can be attached to. The room&apos;s priority themes until someone edits the list (English; :func:`default_tags` gives them in the interface&apos;s language).</extracomment>
        <translation>vivienda</translation>
    </message>
    <message>
        <source>transit</source>
        <translation>transporte público</translation>
    </message>
    <message>
        <source>youth</source>
        <translation>juventud</translation>
    </message>
    <message>
        <source>public safety</source>
        <translation>seguridad pública</translation>
    </message>
    <message>
        <source>libraries</source>
        <translation>bibliotecas</translation>
    </message>
    <message>
        <source>Add note</source>
        <extracomment>Canonical column holding the key of each non-line level. Default similarity (difflib ratio of the normalised labels) for a fuzzy re-anchor.</extracomment>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Eliminar nota</translation>
    </message>
    <message>
        <source>Restore note</source>
        <translation>Restaurar nota</translation>
    </message>
    <message>
        <source>Edit note</source>
        <extracomment>Fields of a note that :class:`EditAnnotation` may change.</extracomment>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>Edit themes</source>
        <translation>Editar temas</translation>
    </message>
    <message>
        <source>Place dots</source>
        <translation>Colocar puntos</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Editar participante</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>Quitar participante</translation>
    </message>
    <message>
        <source>no participant named “{name}”</source>
        <translation>no hay ningún participante llamado “{name}”</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
</context>
</TS>
