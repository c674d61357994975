<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>Theme</name>
    <message>
      <source>As the system</source>
      <extracomment>Theme names, in the order they are offered. Zoom levels Ctrl++ and Ctrl+- step through.</extracomment>
      <translation>Como el sistema</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Claro</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Oscuro</translation>
    </message>
    <message>
      <source>High contrast</source>
      <translation>Alto contraste</translation>
    </message>
  </context>
  <context>
    <name>ZoomController</name>
    <message>
      <source>Zoom &amp;In</source>
      <extracomment>presenter mode: type size factor, chart type factor, chart line width factor, and the theme shown instead of the chosen one while set (presenter mode), changes are not saved</extracomment>
      <translation>&amp;Ampliar</translation>
    </message>
    <message>
      <source>Larger type and charts</source>
      <translation>Letra y gráficos más grandes</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>Re&amp;ducir</translation>
    </message>
    <message>
      <source>Smaller type and charts</source>
      <translation>Letra y gráficos más pequeños</translation>
    </message>
    <message>
      <source>&amp;Actual Size</source>
      <translation>&amp;Tamaño normal</translation>
    </message>
    <message>
      <source>Type and charts at their normal size</source>
      <translation>Letra y gráficos a su tamaño normal</translation>
    </message>
    <message>
      <source>Zoom {percent}%</source>
      <translation>Zoom {percent} %</translation>
    </message>
  </context>
</TS>