<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>PreferencesDialog</name>
    <message>
      <source>Preferences</source>
      <translation>Preferencias</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>Idioma de la interfaz</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>Tema</translation>
    </message>
    <message>
      <source>{percent}%</source>
      <translation>{percent} %</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <source>Automatic: a screen the window is not on</source>
      <translation>Automática: una pantalla en la que no está la ventana</translation>
    </message>
    <message>
      <source>{name} ({width} × {height})</source>
      <translation>{name} ({width} × {height})</translation>
    </message>
    <message>
      <source>unnamed screen</source>
      <translation>pantalla sin nombre</translation>
    </message>
    <message>
      <source>{name} (not connected)</source>
      <translation>{name} (no conectada)</translation>
    </message>
    <message>
      <source>Projector screen</source>
      <translation>Pantalla del proyector</translation>
    </message>
    <message>
      <source>Presenter mode goes full screen here; the tour panel stays on the other</source>
      <translation>El modo presentación ocupa esta pantalla completa; el panel del recorrido queda en la otra</translation>
    </message>
    <message>
      <source>Hold {key}</source>
      <translation>Mantener {key}</translation>
    </message>
    <message>
      <source>Pointer spotlight key</source>
      <translation>Tecla del foco del puntero</translation>
    </message>
    <message>
      <source>In presenter mode, hold this key to dim all but a circle around the pointer</source>
      <translation>En el modo presentación, mantenga esta tecla para oscurecer todo salvo un círculo alrededor del puntero</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Idioma:</translation>
    </message>
    <message>
      <source>&amp;Theme:</source>
      <translation>&amp;Tema:</translation>
    </message>
    <message>
      <source>&amp;Zoom:</source>
      <translation>&amp;Zoom:</translation>
    </message>
    <message>
      <source>&amp;Projector screen:</source>
      <translation>&amp;Pantalla del proyector:</translation>
    </message>
    <message>
      <source>&amp;Spotlight key:</source>
      <translation>Tecla del &amp;foco:</translation>
    </message>
    <message>
      <source>A new language takes effect when the window is rebuilt.</source>
      <translation>El nuevo idioma se aplica cuando se vuelve a construir la ventana.</translation>
    </message>
    <message>
      <source>Save the preferences</source>
      <translation>Guardar las preferencias</translation>
    </message>
    <message>
      <source>Close without saving</source>
      <translation>Cerrar sin guardar</translation>
    </message>
    <message>
      <source>Pr&amp;eferences…</source>
      <translation>Pr&amp;eferencias…</translation>
    </message>
    <message>
      <source>Language, theme, zoom, and presenter mode's screen and keys</source>
      <translation>Idioma, tema, zoom, y pantalla y teclas del modo presentación</translation>
    </message>
  </context>
</TS>