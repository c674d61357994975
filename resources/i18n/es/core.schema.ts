<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>schema</name>
    <message>
        <source>Fiscal year</source>
        <extracomment>Column order of the canonical table. Human labels for the columns, in English (the CLI prints them); the UI shows :func:`column_label`, which translates them.</extracomment>
        <translation>Año fiscal</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Ingreso/gasto</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferencia</translation>
    </message>
    <message>
        <source>Fund code</source>
        <translation>Código de fondo</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Fund type</source>
        <translation>Tipo de fondo</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Restringido</translation>
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
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>Recurrente</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Line key</source>
        <translation>Clave de partida</translation>
    </message>
    <message>
        <source>Source sheet</source>
        <translation>Hoja de origen</translation>
    </message>
    <message>
        <source>Source row</source>
        <translation>Fila de origen</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>Columna de origen</translation>
    </message>
</context>
</TS>
