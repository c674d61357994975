<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>format</name>
    <message>
        <source>{amount} dollars</source>
        <translation>{amount} dólares</translation>
    </message>
</context>
</TS>
