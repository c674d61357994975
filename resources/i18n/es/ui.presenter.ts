<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>CaptionBar</name>
    <message>
      <source>Tour step</source>
      <translation>Paso del recorrido</translation>
    </message>
    <message>
      <source>Step {n} of {count}</source>
      <translation>Paso {n} de {count}</translation>
    </message>
  </context>
  <context>
    <name>PresenterController</name>
    <message>
      <source>&amp;Presenter Mode</source>
      <translation>Modo &amp;presentación</translation>
    </message>
    <message>
      <source>Full screen on the projector, large type, high contrast; Esc leaves</source>
      <translation>Pantalla completa en el proyector, letra grande, alto contraste; Esc para salir</translation>
    </message>
  </context>
  <context>
    <name>Spotlight</name>
    <message>
      <source>Pointer spotlight</source>
      <extracomment>Type size while presenting, as a factor of the zoom the user chose. Type in charts while presenting (their type is large already, and they must still fit). Width of chart lines while presenting, as a factor of their usual width. The theme shown while presenting. How dark the spotlight's mask is (0–255) and its radius as a share of the window's height. Keys that step the tour: arrows, and what presentation clickers send.</extracomment>
      <translation>Foco del puntero</translation>
    </message>
  </context>
</TS>