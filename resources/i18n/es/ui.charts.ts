<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ChartCanvas</name>
    <message>
        <source>Export Chart…</source>
        <extracomment>Okabe &amp; Ito (2008) colour-blind-safe palette. Yellow washes out on projectors: last. One accent per direction, everywhere: money coming in, money going out. The file type an export is offered as first (the name is the chart&apos;s). Resolution of a chart at zoom 100% (matplotlib&apos;s points are 1/72 inch at this many dots). A colour whose channels differ by less than this is a grey (re-inked by a theme). A coloured fill lighter than this (HLS lightness) is a pale tint (darkened on dark themes). a style to draw in instead of the current one (exports draw on white)</extracomment>
        <translation>Exportar gráfico…</translation>
    </message>
    <message>
        <source>Copy Chart</source>
        <translation>Copiar gráfico</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg)</translation>
    </message>
</context>
</TS>
