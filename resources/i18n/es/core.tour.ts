<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>tour</name>
    <message>
      <source>revenue lines (money coming in)</source>
      <extracomment>The window's views a step can open. Text fields every step has (a trainer's step may leave out ``explanation``). Every field of a step, in the order a file lists them. What a step's ``select`` (and ``follow``) may name: canonical columns, ``fund`` (a fund's name or code) and ``object`` (Explore's "by object" classes: Personnel, Taxes, ...). Chart tabs a step can bring forward, per view. Side panels of the Tradeoffs view. Keys of an action and the views they apply to. Needs a step may list; ``fund_type:&lt;type&gt;`` and ``pension_preset:&lt;name&gt;`` take a value.</extracomment>
      <translation>líneas de ingresos (dinero que entra)</translation>
    </message>
    <message>
      <source>spending lines</source>
      <translation>líneas de gasto</translation>
    </message>
    <message>
      <source>more than one fund</source>
      <translation>más de un fondo</translation>
    </message>
    <message>
      <source>departments</source>
      <translation>departamentos</translation>
    </message>
    <message>
      <source>transfers between funds</source>
      <translation>transferencias entre fondos</translation>
    </message>
    <message>
      <source>lines marked restricted or unrestricted</source>
      <translation>líneas marcadas como restringidas o no restringidas</translation>
    </message>
    <message>
      <source>lines marked one-time or ongoing</source>
      <translation>líneas marcadas como únicas o continuas</translation>
    </message>
    <message>
      <source>actual figures beside a budget</source>
      <translation>cifras reales junto a un presupuesto</translation>
    </message>
    <message>
      <source>more than one year or phase</source>
      <translation>más de un año o versión</translation>
    </message>
    <message>
      <source>the pension plan “{name}”</source>
      <translation>el plan de pensiones «{name}»</translation>
    </message>
    <message>
      <source>a General Fund</source>
      <translation>un Fondo General</translation>
    </message>
    <message>
      <source>a special revenue fund</source>
      <translation>un fondo de ingresos especiales</translation>
    </message>
    <message>
      <source>a capital projects fund</source>
      <translation>un fondo de proyectos de capital</translation>
    </message>
    <message>
      <source>a debt service fund</source>
      <translation>un fondo de servicio de la deuda</translation>
    </message>
    <message>
      <source>an enterprise fund</source>
      <translation>un fondo empresarial</translation>
    </message>
    <message>
      <source>an internal service fund</source>
      <translation>un fondo de servicios internos</translation>
    </message>
    <message>
      <source>a fiduciary fund (such as a pension trust)</source>
      <translation>un fondo fiduciario (como un fideicomiso de pensiones)</translation>
    </message>
    <message>
      <source>a fund “{value}”</source>
      <translation>un fondo «{value}»</translation>
    </message>
    <message>
      <source>a fund numbered “{value}”</source>
      <translation>un fondo con el número «{value}»</translation>
    </message>
    <message>
      <source>a department “{value}”</source>
      <translation>un departamento «{value}»</translation>
    </message>
    <message>
      <source>a division “{value}”</source>
      <translation>una división «{value}»</translation>
    </message>
    <message>
      <source>a program “{value}”</source>
      <translation>un programa «{value}»</translation>
    </message>
    <message>
      <source>a category “{value}”</source>
      <translation>una categoría «{value}»</translation>
    </message>
    <message>
      <source>an account “{value}”</source>
      <translation>una cuenta «{value}»</translation>
    </message>
    <message>
      <source>lines of direction “{value}”</source>
      <translation>líneas de tipo «{value}»</translation>
    </message>
  </context>
</TS>