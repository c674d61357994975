<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Notes</name>
    <message>
        <source>…and {0} more notes</source>
        <extracomment>Filter column → note level, most specific first (a program is inside a department).</extracomment>
        <translation>…y {0} notas más</translation>
    </message>
    <message>
        <source>{0} notes on single lines here</source>
        <translation>{0} notas sobre partidas individuales aquí</translation>
    </message>
</context>
</TS>
