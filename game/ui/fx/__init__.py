"""The battle scene's show: weapon animations from the data, pilot cut-ins and quotes,
hit reactions, destruction, V-MAX, spirit casting. Pure presentation: nothing here
changes or reads the engine's random stream."""
