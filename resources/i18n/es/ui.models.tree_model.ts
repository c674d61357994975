<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>TreeModel</name>
    <message>
        <source>Name</source>
        <extracomment>The tint of groups the room has written notes on (the Data view uses the same).</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>% of parent</source>
        <translation>% del grupo superior</translation>
    </message>
    <message>
        <source>% of total</source>
        <translation>% del total</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Cambio %</translation>
    </message>
    <message>
        <source>This amount minus %1&apos;s</source>
        <translation>Este monto menos el de %1</translation>
    </message>
    <message>
        <source>Dollars in this group, in the units chosen at the left</source>
        <translation>Dólares de este grupo, en las unidades elegidas a la izquierda</translation>
    </message>
    <message>
        <source>Share of the group above it</source>
        <translation>Proporción del grupo superior</translation>
    </message>
    <message>
        <source>Share of everything shown</source>
        <translation>Proporción de todo lo mostrado</translation>
    </message>
    <message>
        <source>This amount minus the comparison&apos;s</source>
        <translation>Este monto menos el de la comparación</translation>
    </message>
    <message>
        <source>Change as a share of the comparison</source>
        <translation>Cambio como proporción de la comparación</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 partida</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 partidas</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>sin comparación</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
</context>
</TS>
