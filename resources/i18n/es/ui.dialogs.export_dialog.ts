<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export</source>
      <extracomment>(suffix, label, what it holds, file-dialog filter)</extracomment>
      <translation>Exportar</translation>
    </message>
    <message>
      <source>%1 note(s) from this session</source>
      <translation>%1 nota(s) de esta sesión</translation>
    </message>
    <message>
      <source>No session is open: the export holds the budget only</source>
      <translation>No hay ninguna sesión abierta: la exportación contiene solo el presupuesto</translation>
    </message>
    <message>
      <source>File to write</source>
      <translation>Archivo que se escribirá</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>E&amp;legir…</translation>
    </message>
    <message>
      <source>&amp;File:</source>
      <translation>&amp;Archivo:</translation>
    </message>
    <message>
      <source>Export progress</source>
      <translation>Progreso de la exportación</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Exportar</translation>
    </message>
    <message>
      <source>Export to</source>
      <translation>Exportar a</translation>
    </message>
    <message>
      <source>Exporting to %1…</source>
      <translation>Exportando a %1…</translation>
    </message>
    <message>
      <source>The export failed (%1: %2); details are in %3</source>
      <translation>La exportación falló (%1: %2); los detalles están en %3</translation>
    </message>
    <message>
      <source>Export cancelled: no file was written.</source>
      <translation>Exportación cancelada: no se escribió ningún archivo.</translation>
    </message>
  </context>
  <context>
    <name>window</name>
    <message>
      <source>Export</source>
      <translation>Exportar</translation>
    </message>
    <message>
      <source>Open a budget first: there is nothing to export.</source>
      <translation>Primero abra un presupuesto: no hay nada que exportar.</translation>
    </message>
  </context>
</TS>