namespace SchemaWorkflow.Tests.Catalog;

/// <summary>The class keys of CATALOG_FORMAT.md.</summary>
internal static class ReferenceClasses
{
    public static readonly string[] Keys =
    [
        "temperature_transmitter", "pressure_transmitter", "differential_pressure_transmitter", "pressure_gauge", "pressure_switch",
        "level_switch", "radar_level_transmitter", "electromagnetic_flowmeter", "coriolis_flowmeter", "vortex_flowmeter", "control_valve",
        "temperature_sensor_assembly",
    ];

    public static readonly string[] ExtendedKeys =
    [
        "level_transmitter", "guided_wave_radar_level_transmitter", "ultrasonic_level_transmitter", "hydrostatic_level_transmitter",
        "capacitance_level_probe", "displacer_level_transmitter", "magnetic_level_indicator", "level_gauge", "flow_transmitter",
        "turbine_flowmeter", "ultrasonic_flowmeter", "thermal_mass_flowmeter", "variable_area_flowmeter", "positive_displacement_flowmeter",
        "orifice_plate", "temperature_switch", "flow_switch", "differential_pressure_switch", "differential_pressure_gauge",
        "bimetal_thermometer", "diaphragm_seal", "ball_valve", "butterfly_valve", "globe_valve", "gate_valve", "check_valve", "solenoid_valve",
        "safety_relief_valve", "pressure_regulator", "valve_actuator", "valve_positioner", "ip_converter", "thermowell", "thermocouple",
        "rtd_sensor", "multipoint_thermocouple_assembly", "junction_box", "instrument_enclosure", "cable_gland", "instrument_cable",
        "cable_connector", "instrument_manifold", "pulsation_dampener", "power_supply", "signal_isolator", "ph_analyzer",
        "conductivity_analyzer", "dissolved_oxygen_analyzer", "gas_detector", "variable_frequency_drive", "pressure_calibrator",
        "temperature_calibrator",
    ];
}
