<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>flows</name>
    <message>
        <source>(not stated)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>Use of fund balance</source>
        <translation>Uso del saldo del fondo</translation>
    </message>
    <message>
        <source>Added to reserves</source>
        <translation>Agregado a reservas</translation>
    </message>
    <message>
        <source>Transfers in (fund not named)</source>
        <translation>Transferencias recibidas (fondo sin indicar)</translation>
    </message>
    <message>
        <source>Transfers out (fund not named)</source>
        <translation>Transferencias enviadas (fondo sin indicar)</translation>
    </message>
    <message>
        <source>From other funds (netted)</source>
        <translation>De otros fondos (neto)</translation>
    </message>
    <message>
        <source>To other funds (netted)</source>
        <translation>A otros fondos (neto)</translation>
    </message>
    <message>
        <source>Recoveries &amp; credits</source>
        <translation>Recuperaciones y créditos</translation>
    </message>
    <message>
        <source>Of every $1 {who} spends, {cents} comes from {fund}{breakdown}.</source>
        <extracomment>Node kinds. Link kinds. The column the fund level is always in. Level names a caller may use, and the canonical column each reads. Pseudo-node kinds in the order they sit at the bottom of a column. canonical-column filters that select this node&apos;s lines (e.g. ``{&quot;department&quot;: &quot;Parks&quot;}``) the node this graph is focused on (see :func:`focus`), or None</extracomment>
        <translation>De cada $1 que gasta {who}, {fund} aporta {cents}{breakdown}.</translation>
    </message>
    <message>
        <source>{cents} comes from {fund}{breakdown}.</source>
        <translation>{fund} aporta {cents}{breakdown}.</translation>
    </message>
    <message>
        <source>Of every $1 {who}, {cents} comes from {fund}{breakdown}.</source>
        <translation>De cada $1 en {who}, {fund} aporta {cents}{breakdown}.</translation>
    </message>
    <message>
        <source>The other {cents} comes from {n} smaller funds.</source>
        <translation>Los otros {cents} vienen de {n} fondos más pequeños.</translation>
    </message>
    <message>
        <source>, of which {items}</source>
        <translation>, de los cuales {items}</translation>
    </message>
    <message>
        <source>{cents} is {label}</source>
        <translation>{cents} son {label}</translation>
    </message>
    <message>
        <source>{cents} {label}</source>
        <translation>{cents} {label}</translation>
    </message>
    <message>
        <source>transferred from {fund}</source>
        <translation>transferidos desde {fund}</translation>
    </message>
    <message>
        <source>Traced back through transfers, that dollar is raised as {items}.</source>
        <translation>Si se sigue hacia atrás a través de las transferencias, ese dólar se recauda como {items}.</translation>
    </message>
    <message>
        <source>Of every $1 of {what}, {cents} goes to {fund}{breakdown}.</source>
        <translation>De cada $1 de {what}, {fund} recibe {cents}{breakdown}.</translation>
    </message>
    <message>
        <source>{cents} goes to {fund}{breakdown}.</source>
        <translation>{fund} recibe {cents}{breakdown}.</translation>
    </message>
    <message>
        <source>The other {cents} goes to {n} smaller funds.</source>
        <translation>Los otros {cents} van a {n} fondos más pequeños.</translation>
    </message>
    <message>
        <source>, which spends it on {items}</source>
        <translation>, y los gasta en {items}</translation>
    </message>
    <message>
        <source>{label} ({cents})</source>
        <translation>{label} ({cents})</translation>
    </message>
    <message>
        <source>a transfer to {fund}</source>
        <translation>una transferencia hacia {fund}</translation>
    </message>
    <message>
        <source>After transfers, it ends up with {items}.</source>
        <translation>Después de las transferencias, termina en {items}.</translation>
    </message>
    <message>
        <source>Of every $1 that comes into {who}, {items}.</source>
        <translation>De cada $1 que entra en {who}, {items}.</translation>
    </message>
    <message>
        <source>Of every $1 it pays out, {items}.</source>
        <translation>De cada $1 que paga, {items}.</translation>
    </message>
    <message>
        <source>{cents} goes to {label}</source>
        <translation>{cents} van a {label}</translation>
    </message>
    <message>
        <source>{cents} to {label}</source>
        <translation>{cents} a {label}</translation>
    </message>
    <message>
        <source>other sources</source>
        <translation>otras fuentes</translation>
    </message>
    <message>
        <source>other uses</source>
        <translation>otros usos</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{n}¢</source>
        <translation>{n}¢</translation>
    </message>
    <message>
        <source>the {label} department</source>
        <translation>el departamento de {label}</translation>
    </message>
    <message>
        <source>the {label} program</source>
        <translation>el programa {label}</translation>
    </message>
    <message>
        <source>the {label}</source>
        <translation>el {label}</translation>
    </message>
    <message>
        <source>the {label} fund</source>
        <translation>el fondo {label}</translation>
    </message>
    <message>
        <source>{label}</source>
        <translation>{label}</translation>
    </message>
    <message>
        <source>Other ({n})</source>
        <translation>Otros ({n})</translation>
    </message>
    <message>
        <source>Fund {code}</source>
        <translation>Fondo {code}</translation>
    </message>
</context>
</TS>
