using SchemaWorkflow.Validation;

namespace SchemaWorkflow;

/// <summary>Requirements validation on <see cref="ISchemaWorkflow"/>: gets the schema through the normal lifecycle, then validates.</summary>
public static class SchemaWorkflowValidationExtensions
{
    /// <summary>
    /// Validates a buyer's requirements against the schema of a product type. The schema comes from
    /// <see cref="ISchemaWorkflow.GetOrGenerateAsync"/> (session cache → store → generation and enrichment), so the
    /// requirements are checked against the same enriched schema every other caller sees.
    /// </summary>
    /// <param name="workflow">The workflow.</param>
    /// <param name="productType">What the user wrote, e.g. "Temperature Transmitter".</param>
    /// <param name="requirements">The requirements.</param>
    /// <param name="options">Per-call options for getting the schema (session, force-regenerate, timeouts).</param>
    /// <param name="cancellationToken">Cancels the wait for the schema.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="productType"/> is empty, too long or has control characters.</exception>
    /// <exception cref="SchemaWorkflowException">No schema could be had; <see cref="SchemaWorkflowException.Error"/> says why (unknown type, timeout…).</exception>
    public static async ValueTask<ValidationReport> ValidateRequirementsAsync(
        this ISchemaWorkflow workflow,
        string productType,
        RequirementSet requirements,
        SchemaRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(requirements);
        var result = await workflow.GetOrGenerateAsync(productType, options, cancellationToken).ConfigureAwait(false);
        return RequirementsValidator.Validate(result.EnsureSuccess(), requirements);
    }

    /// <summary>Validates name → value pairs (a dictionary works) and optional free text against the schema of a product type.</summary>
    /// <param name="workflow">The workflow.</param>
    /// <param name="productType">What the user wrote, e.g. "Pressure Gauge".</param>
    /// <param name="values">Field name → value; names in any form buyers use; blank values mean "not given".</param>
    /// <param name="freeText">Free text such as "0-10 bar, class 1.6, NS 100"; null for none.</param>
    /// <param name="options">Per-call options for getting the schema.</param>
    /// <param name="cancellationToken">Cancels the wait for the schema.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The values break a limit of <see cref="RequirementSet"/>; or the product type is invalid.</exception>
    /// <exception cref="SchemaWorkflowException">No schema could be had.</exception>
    public static ValueTask<ValidationReport> ValidateRequirementsAsync(
        this ISchemaWorkflow workflow,
        string productType,
        IEnumerable<KeyValuePair<string, string>> values,
        string? freeText = null,
        SchemaRequestOptions? options = null,
        CancellationToken cancellationToken = default) =>
        workflow.ValidateRequirementsAsync(productType, RequirementSet.From(values, freeText), options, cancellationToken);
}
