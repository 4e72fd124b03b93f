namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// One unit symbol as the validator understands it: its display symbol, dimension, the UnitsNet unit that converts
/// it, and what the bare quantity does not say (DC/AC, gauge/absolute, the basis of a percentage).
/// </summary>
/// <param name="Symbol">The symbol shown to users, the catalog spelling where the catalog has one.</param>
/// <param name="Dimension">The dimension.</param>
/// <param name="Unit">The UnitsNet unit enum value; null for units UnitsNet has no quantity for (pH).</param>
/// <param name="Qualifier">"DC", "AC", "gauge" or "absolute"; null when the symbol says nothing more.</param>
/// <param name="Basis">For percentages: "span", "reading" or "URL"; null for a plain percentage.</param>
internal sealed record UnitInfo(string Symbol, UnitDimension Dimension, Enum? Unit, string? Qualifier = null, string? Basis = null);
