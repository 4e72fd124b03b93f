namespace SchemaWorkflow.Standards;

/// <summary>How well a fact was checked, as graded in the domain research.</summary>
public enum FactVerification
{
    /// <summary>Verified in a source (confidence 0.9–1.0).</summary>
    Verified,

    /// <summary>Verified in a vendor or secondary source quoting the standard (confidence 0.75–0.85).</summary>
    VerifiedSecondary,

    /// <summary>Well established but not re-verified (confidence 0.6–0.7).</summary>
    WellEstablished,

    /// <summary>Plausible but not confirmed (confidence at most 0.4, never a hard constraint).</summary>
    Unverified,
}
