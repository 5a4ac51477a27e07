<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="moon" tilewidth="32" tileheight="32" tilecount="20" columns="8">
 <properties>
  <property name="title" value="The Moon"/>
 </properties>
 <image source="moon.png" width="256" height="96"/>
 <tile id="0">
  <properties>
   <property name="label" value="regolith"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="label" value="regolith_2"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="label" value="regolith_3"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="label" value="crater"/>
   <property name="terrain" value="crater"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="label" value="craters_small"/>
   <property name="terrain" value="crater"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="label" value="rough"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="label" value="highlands"/>
   <property name="terrain" value="mountain"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="label" value="rille_wall"/>
   <property name="terrain" value="cliff"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="label" value="base_floor"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="label" value="base_pad"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="label" value="dome"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="label" value="regolith_4"/>
   <property name="terrain" value="plain"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="label" value="crater_2"/>
   <property name="terrain" value="crater"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="label" value="craters_small_2"/>
   <property name="terrain" value="crater"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="label" value="rough_2"/>
   <property name="terrain" value="rough"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="label" value="highlands_2"/>
   <property name="terrain" value="mountain"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="label" value="rille_wall_2"/>
   <property name="terrain" value="cliff"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="label" value="base_stripes"/>
   <property name="terrain" value="base"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="label" value="hangar"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="label" value="dome_2"/>
   <property name="terrain" value="building"/>
  </properties>
 </tile>
</tileset>
