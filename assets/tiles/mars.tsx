<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="mars" tilewidth="32" tileheight="32" tilecount="34" columns="8">
 <properties>
  <property name="title" value="Mars surface"/>
 </properties>
 <image source="mars.png" width="256" height="160"/>
 <tile id="0">
  <properties>
   <property name="label" value="plain"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="plain_2"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="plain_3"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="plain_4"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="dunes"/>
   <property name="terrain" value="sand"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="dunes_2"/>
   <property name="terrain" value="sand"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="crater"/>
   <property name="terrain" value="crater"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="craters_small"/>
   <property name="terrain" value="crater"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="rough"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="rough_2"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="mesa_top"/>
   <property name="terrain" value="cliff"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="mesa_edge"/>
   <property name="terrain" value="cliff"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="canyon_wall"/>
   <property name="terrain" value="cliff"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="canyon_floor"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="hills"/>
   <property name="terrain" value="mountain"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="track_h"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="track_v"/>
   <property name="terrain" value="road"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="base_floor"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="base_pad"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="base_stripes"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="label" value="hangar"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="label" value="ruins"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="label" value="ruins_2"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="label" value="cave_mouth"/>
   <property name="terrain" value="cave"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="label" value="cave_floor"/>
   <property name="terrain" value="cave"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="label" value="base_0"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="label" value="base_1"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="label" value="base_2"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="label" value="base_3"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="label" value="base_4"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="label" value="base_5"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="label" value="base_6"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="label" value="base_7"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="label" value="base_8"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
</tileset>
