<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>CommandPalette</name>
    <message>
      <source>Command palette</source>
      <extracomment>Separator between the levels of a menu path. Rows shown before the list scrolls. View ▸ Command Palette… (Ctrl+K), set by :func:`install_command_palette`</extracomment>
      <translation>Paleta de comandos</translation>
    </message>
    <message>
      <source>Type a command: letters in order, e.g. “ots”</source>
      <translation>Escriba un comando: letras en orden, p. ej. «aed»</translation>
    </message>
    <message>
      <source>Find a command</source>
      <translation>Buscar un comando</translation>
    </message>
    <message>
      <source>Commands</source>
      <translation>Comandos</translation>
    </message>
    <message>
      <source>Command</source>
      <translation>Comando</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>Menú</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>Atajo</translation>
    </message>
    <message>
      <source>Not available now</source>
      <translation>No disponible ahora</translation>
    </message>
    <message>
      <source>No command matches “{0}”</source>
      <translation>Ningún comando coincide con «{0}»</translation>
    </message>
    <message>
      <source>{0} commands · ↑ ↓ to choose · Enter to run · Esc to close</source>
      <translation>{0} comandos · ↑ ↓ para elegir · Intro para ejecutar · Esc para cerrar</translation>
    </message>
    <message>
      <source>“{0}” is not available now</source>
      <translation>«{0}» no está disponible ahora</translation>
    </message>
    <message>
      <source>&amp;Command Palette…</source>
      <translation>&amp;Paleta de comandos…</translation>
    </message>
    <message>
      <source>Find any command by typing part of its name</source>
      <translation>Buscar cualquier comando escribiendo parte de su nombre</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
  </context>
</TS>