<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="space" tilewidth="32" tileheight="32" tilecount="20" columns="8">
 <properties>
  <property name="title" value="Space"/>
 </properties>
 <image source="space.png" width="256" height="96"/>
 <tile id="0">
  <properties>
   <property name="label" value="void"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="void_2"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="void_3"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="void_nebula"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="void_nebula_2"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="debris"/>
   <property name="terrain" value="debris"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="debris_2"/>
   <property name="terrain" value="debris"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="asteroid"/>
   <property name="terrain" value="asteroid"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="asteroid_small"/>
   <property name="terrain" value="asteroid"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="asteroid_big"/>
   <property name="terrain" value="asteroid"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="station_hull_h"/>
   <property name="terrain" value="station"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="station_hull_v"/>
   <property name="terrain" value="station"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="station_0"/>
   <property name="terrain" value="station"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="station_1"/>
   <property name="terrain" value="station"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="station_2"/>
   <property name="terrain" value="station"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="station_3"/>
   <property name="terrain" value="station"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="mars_limb_0"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="mars_limb_1"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="mars_limb_2"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="mars_limb_3"/>
   <property name="terrain" value="void"/>
  </properties>
 </tile>
</tileset>
