<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="nazca" tilewidth="32" tileheight="32" tilecount="24" columns="8">
 <properties>
  <property name="title" value="Nazca and Cusco"/>
 </properties>
 <image source="nazca.png" width="256" height="96"/>
 <tile id="0">
  <properties>
   <property name="label" value="desert"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="desert_2"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="desert_3"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="dunes"/>
   <property name="terrain" value="sand"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="line_h"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="line_v"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="line_diag"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="line_spiral"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="line_trapezoid"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="mountain"/>
   <property name="terrain" value="mountain"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="mountain_snow"/>
   <property name="terrain" value="mountain"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="foothills"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="terraces"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="town"/>
   <property name="terrain" value="town"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="town_2"/>
   <property name="terrain" value="town"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="shrine"/>
   <property name="terrain" value="town"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="road_h"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="road_v"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="scrub"/>
   <property name="terrain" value="forest"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="river"/>
   <property name="terrain" value="water"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="label" value="hummingbird_0"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="label" value="hummingbird_1"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="label" value="hummingbird_2"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="label" value="hummingbird_3"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
</tileset>
