using NspPortal.Engine.Evaluation;

namespace NspPortal.Engine.Transition;

/// <summary>How a logged caller authenticated, as far as <c>NSPAccessLogs</c> says. The table has no authentication
/// column (reference/nsp.md §3.3); services put optional details in <c>Parameters</c> and <c>SourceParameters</c>
/// (free text such as <c>CallerInfo: OMS</c>, §3.2). <b>Reading</b> (docs/transition.md):
/// <list type="number">
/// <item>A hint in the parameters decides: <c>SAS</c>, <c>SharedAccessSignature</c>, <c>sig=</c> → SAS;
/// <c>SharedKey</c>, <c>AccountKey</c>, <c>Shared Key</c>, <c>AccessKey</c> → shared key; <c>Anonymous</c> → anonymous;
/// <c>ManagedIdentity</c>, <c>MSI</c> → managed identity; <c>OAuth</c>, <c>Bearer</c>, <c>AAD</c>, <c>EntraId</c> → Entra ID.</item>
/// <item>Otherwise a row allowed as intra- or cross-perimeter, or one that names a calling resource, is a managed
/// identity (only managed identities carry perimeter membership, and resources call with theirs, §4.1).</item>
/// <item>Otherwise a row with a caller app id is Entra ID (an app id comes from a token).</item>
/// <item>Otherwise the caller is anonymous (no identity seen): only address-prefix rules can admit it, the cautious
/// reading for what-if.</item>
/// </list></summary>
public static class LogAuthentication
{
    private static readonly (string Hint, CallerAuthentication Authentication)[] Hints =
    [
        ("SharedAccessSignature", CallerAuthentication.Sas),
        ("sig=", CallerAuthentication.Sas),
        ("SharedKey", CallerAuthentication.SharedKey),
        ("Shared Key", CallerAuthentication.SharedKey),
        ("AccountKey", CallerAuthentication.SharedKey),
        ("AccessKey", CallerAuthentication.SharedKey),
        ("ManagedIdentity", CallerAuthentication.ManagedIdentity),
        ("Managed Identity", CallerAuthentication.ManagedIdentity),
        ("MSI", CallerAuthentication.ManagedIdentity),
        ("OAuth", CallerAuthentication.EntraId),
        ("Bearer", CallerAuthentication.EntraId),
        ("EntraId", CallerAuthentication.EntraId),
        ("AAD", CallerAuthentication.EntraId),
        ("Anonymous", CallerAuthentication.Anonymous),
        ("SAS", CallerAuthentication.Sas),
    ];

    /// <summary>Reads the caller's authentication from a log row's columns (see the class remarks for the order).</summary>
    public static CallerAuthentication Read(string? parameters, string? sourceParameters, string? sourceAppId,
        string? sourceResourceId, NspLogCategory? category)
    {
        if (FromHint(sourceParameters) is { } fromSource)
        {
            return fromSource;
        }

        if (FromHint(parameters) is { } fromParameters)
        {
            return fromParameters;
        }

        if (category is NspLogCategory.NspIntraPerimeterInboundAllowed or NspLogCategory.NspCrossPerimeterInboundAllowed
            || !string.IsNullOrWhiteSpace(sourceResourceId))
        {
            return CallerAuthentication.ManagedIdentity;
        }

        return string.IsNullOrWhiteSpace(sourceAppId) ? CallerAuthentication.Anonymous : CallerAuthentication.EntraId;
    }

    /// <summary>The authentication a parameters text names, or null when it names none. Hints are whole words
    /// (letters and digits around them end a match), compared case-insensitively except <c>SAS</c> and <c>MSI</c>,
    /// which must be upper case so that words like "Kansas" or "promising" do not count.</summary>
    public static CallerAuthentication? FromHint(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (hint, authentication) in Hints)
        {
            var comparison = hint is "SAS" or "MSI" or "AAD" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            for (var at = text.IndexOf(hint, comparison); at >= 0; at = text.IndexOf(hint, at + 1, comparison))
            {
                var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var end = at + hint.Length;
                var after = end >= text.Length || !char.IsLetterOrDigit(text[end]) || hint.EndsWith('=');
                if (before && after)
                {
                    return authentication;
                }
            }
        }

        return null;
    }

    /// <summary>True for callers that present a key or token without identity (SAS, shared key): subscription and
    /// perimeter rules cannot admit them, only address-prefix rules (§4.2 step 6, §4.7 Storage).</summary>
    public static bool IsKeyBased(CallerAuthentication authentication) =>
        authentication is CallerAuthentication.Sas or CallerAuthentication.SharedKey;
}
