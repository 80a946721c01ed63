namespace NspPortal.Engine.Model;

/// <summary>How access modes are shown to people (reference/nsp.md §0: the docs renamed Learning to Transition).</summary>
public static class AccessModeText
{
    /// <summary>The label the portal shows: "Transition (Learning)", "Enforced" or "Audit".</summary>
    public static string DisplayName(this AccessMode mode) => mode switch
    {
        AccessMode.Learning => "Transition (Learning)",
        AccessMode.Enforced => "Enforced",
        AccessMode.Audit => "Audit",
        _ => mode.ToString(),
    };

    /// <summary>The label for a <c>publicNetworkAccess</c> value, as the Azure portal spells it.</summary>
    public static string DisplayName(this PublicNetworkAccess access) => access switch
    {
        PublicNetworkAccess.SecuredByPerimeter => "Secured by perimeter",
        _ => access.ToString(),
    };
}
