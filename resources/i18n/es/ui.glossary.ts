<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>GlossaryWindow</name>
    <message>
      <source>Glossary</source>
      <extracomment>Where a glossary link points: ``term:&lt;id&gt;``. How much larger the glossary window shows a definition than the interface's type.</extracomment>
      <translation>Glosario</translation>
    </message>
    <message>
      <source>Type to find a term or a word in a definition</source>
      <extracomment>Help ▸ Glossary (F1), set by :func:`install_glossary`</extracomment>
      <translation>Escriba para buscar un término o una palabra de una definición</translation>
    </message>
    <message>
      <source>Search the glossary</source>
      <translation>Buscar en el glosario</translation>
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation>&amp;Buscar:</translation>
    </message>
    <message>
      <source>Glossary terms</source>
      <translation>Términos del glosario</translation>
    </message>
    <message>
      <source>Definition</source>
      <translation>Definición</translation>
    </message>
    <message>
      <source>{shown} of {total} terms match “{text}”</source>
      <translation>{shown} de {total} términos coinciden con «{text}»</translation>
    </message>
    <message>
      <source>{total} terms</source>
      <translation>{total} términos</translation>
    </message>
    <message>
      <source>No term matches. Try fewer letters.</source>
      <translation>Ningún término coincide. Pruebe con menos letras.</translation>
    </message>
    <message>
      <source>See also:</source>
      <translation>Vea también:</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Ay&amp;uda</translation>
    </message>
    <message>
      <source>&amp;Glossary</source>
      <translation>&amp;Glosario</translation>
    </message>
    <message>
      <source>Budget words in plain language, searchable</source>
      <translation>Palabras del presupuesto en lenguaje sencillo, con búsqueda</translation>
    </message>
  </context>
</TS>