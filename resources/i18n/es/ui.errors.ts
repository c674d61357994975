<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>budgetbench hit an unexpected problem. Your open budget is unchanged; you can keep working.</source>
        <translation>budgetbench tuvo un problema inesperado. El presupuesto abierto no cambió; puede seguir trabajando.</translation>
    </message>
    <message>
        <source>{error}

Details were saved to {path}</source>
        <translation>{error}

Los detalles se guardaron en {path}</translation>
    </message>
</context>
</TS>
