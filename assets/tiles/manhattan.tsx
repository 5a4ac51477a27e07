<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="manhattan" tilewidth="32" tileheight="32" tilecount="27" columns="8">
 <properties>
  <property name="title" value="Occupied Manhattan"/>
 </properties>
 <image source="manhattan.png" width="256" height="128"/>
 <tile id="0">
  <properties>
   <property name="label" value="street_h"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="street_v"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="crossing"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="plaza"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="building_brick"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="building_stone"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="building_grey"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="building_garden"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="skyscraper_blue"/>
   <property name="terrain" value="skyscraper"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="skyscraper_dark"/>
   <property name="terrain" value="skyscraper"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="skyscraper_bronze"/>
   <property name="terrain" value="skyscraper"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="park"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="park_trees"/>
   <property name="terrain" value="forest"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="park_trees_2"/>
   <property name="terrain" value="forest"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="river"/>
   <property name="terrain" value="water"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="river_2"/>
   <property name="terrain" value="water"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="river_bank_n"/>
   <property name="terrain" value="water"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="river_bank_s"/>
   <property name="terrain" value="water"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="bridge_h"/>
   <property name="terrain" value="bridge"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="bridge_v"/>
   <property name="terrain" value="bridge"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="label" value="rubble"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="label" value="loudspeaker"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="label" value="pier"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="label" value="grados_tower_0"/>
   <property name="terrain" value="tower"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="label" value="grados_tower_1"/>
   <property name="terrain" value="tower"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="label" value="grados_tower_2"/>
   <property name="terrain" value="tower"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="label" value="grados_tower_3"/>
   <property name="terrain" value="tower"/>
  </properties>
 </tile>
</tileset>
