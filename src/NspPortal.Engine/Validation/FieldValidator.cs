using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Validation;

/// <summary>Single-value validators for the ARM API and the portal (called field by field as the user types).
/// Each returns null when the value is fine, otherwise one finding with the given target.</summary>
public static class FieldValidator
{
    /// <summary>Checks a name against reference/nsp.md §1.1: 1–80 characters, letters, digits, <c>_ . -</c>;
    /// starts with a letter or digit, ends with a letter, digit or <c>_</c>. Logging configurations are <c>instance</c>.</summary>
    public static ValidationError? Name(NspResourceKind kind, string? name, string target = "name")
    {
        var what = KindText(kind);
        string? message = null;
        if (string.IsNullOrEmpty(name))
        {
            message = $"A {what} name is required.";
        }
        else if (kind == NspResourceKind.LoggingConfiguration)
        {
            if (name != NspLimits.LoggingConfigurationName)
            {
                message = $"The logging configuration is always named '{NspLimits.LoggingConfigurationName}', not '{name}'.";
            }
        }
        else if (name.Length > NspLimits.MaxNameLength)
        {
            message = $"'{name}' is {name.Length} characters long; {what} names have at most {NspLimits.MaxNameLength}.";
        }
        else if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            message = $"'{name}' must start with a letter or digit.";
        }
        else
        {
            foreach (var c in name)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
                {
                    message = $"'{name}' contains '{c}'; {what} names use letters, digits, '_', '.' and '-'.";
                    break;
                }
            }

            if (message is null && name[^1] is '.' or '-')
            {
                message = $"'{name}' must end with a letter, digit or '_'.";
            }
        }

        return message is null ? null : new ValidationError(ErrorCodes.InvalidResourceName, target, message);
    }

    /// <summary>Checks one CIDR prefix (see <see cref="IpPrefix.TryParse"/>).</summary>
    public static ValidationError? AddressPrefix(string? text, string target) =>
        IpPrefix.TryParse(text, out _, out var error) ? null : ValidationError.From(error, target);

    /// <summary>Checks one FQDN; a wildcard (<c>*.contoso.com</c>) is a warning (docs/engine.md, "Wildcard FQDNs").</summary>
    public static ValidationError? Fqdn(string? text, string target)
    {
        if (!Values.Fqdn.TryParse(text, out var fqdn, out var error))
        {
            return ValidationError.From(error, target);
        }

        return fqdn.IsWildcard ? WildcardWarning(fqdn, target) : null;
    }

    /// <summary>Checks one subscription id (GUID or <c>/subscriptions/{guid}</c>).</summary>
    public static ValidationError? SubscriptionId(string? text, string target) =>
        Values.SubscriptionId.TryParse(text, out _, out var error) ? null : ValidationError.From(error, target);

    /// <summary>Checks one ARM resource id, optionally of a given type (case-insensitive).</summary>
    public static ValidationError? ResourceId(string? text, string target, string? expectedType = null)
    {
        if (!ArmResourceId.TryParse(text, out var id, out var error))
        {
            return ValidationError.From(error, target);
        }

        return expectedType is null || id.IsOfType(expectedType)
            ? null
            : new ValidationError(ErrorCodes.InvalidResourceId, target, $"'{text}' is a {id.ResourceType} id; expected a {expectedType} id.");
    }

    /// <summary>Checks a service tag: letters, digits and dots, e.g. <c>AzureMonitor</c> or <c>Storage.WestUS</c>.</summary>
    public static ValidationError? ServiceTag(string? text, string target)
    {
        if (!string.IsNullOrEmpty(text) && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return null;
        }

        return new ValidationError(ErrorCodes.InvalidServiceTag, target,
            string.IsNullOrEmpty(text) ? "A service tag is required, e.g. AzureMonitor." : $"'{text}' is not a service tag name such as AzureMonitor or Storage.WestUS.");
    }

    /// <summary>Parses an access mode: <c>Learning</c>, <c>Enforced</c> or <c>Audit</c> (case-insensitive). "Transition" is the
    /// portal label, not an API value, and gets a message saying so.</summary>
    public static ValidationError? AccessMode(string? text, string target, out AccessMode mode)
    {
        if (Enum.TryParse(text, ignoreCase: true, out mode) && Enum.IsDefined(mode) && !int.TryParse(text, out _))
        {
            return null;
        }

        return new ValidationError(ErrorCodes.InvalidAccessMode, target,
            string.Equals(text?.Trim(), "Transition", StringComparison.OrdinalIgnoreCase)
                ? "'Transition' is the portal's name for the access mode 'Learning'; the API value is 'Learning'."
                : $"'{text}' is not an access mode; use Learning (Transition), Enforced or Audit.");
    }

    /// <summary>Parses <c>Inbound</c> or <c>Outbound</c> (case-insensitive).</summary>
    public static ValidationError? Direction(string? text, string target, out AccessRuleDirection direction)
    {
        if (Enum.TryParse(text, ignoreCase: true, out direction) && Enum.IsDefined(direction) && !int.TryParse(text, out _))
        {
            return null;
        }

        return new ValidationError(ErrorCodes.AccessRuleInvalidDirection, target, $"'{text}' is not a direction; use Inbound or Outbound.");
    }

    /// <summary>Parses <c>Enabled</c>, <c>Disabled</c> or <c>SecuredByPerimeter</c> (case-insensitive).</summary>
    public static ValidationError? PublicNetworkAccess(string? text, string target, out PublicNetworkAccess access)
    {
        if (Enum.TryParse(text, ignoreCase: true, out access) && Enum.IsDefined(access) && !int.TryParse(text, out _))
        {
            return null;
        }

        return new ValidationError(ErrorCodes.InvalidPublicNetworkAccess, target,
            $"'{text}' is not a publicNetworkAccess value; use Enabled, Disabled or SecuredByPerimeter.");
    }

    /// <summary>Checks a link description (at most 140 characters).</summary>
    public static ValidationError? LinkDescription(string? text, string target) =>
        text is { Length: > NspLimits.MaxLinkDescriptionLength }
            ? new ValidationError(ErrorCodes.LimitExceeded, target,
                $"The description is {text.Length} characters long; link descriptions have at most {NspLimits.MaxLinkDescriptionLength}.")
            : null;

    internal static ValidationError WildcardWarning(Values.Fqdn fqdn, string target) =>
        new(ErrorCodes.FqdnWildcardNotSupported, target,
            $"'{fqdn}' is a wildcard. Azure does not document wildcard FQDN rules, and this portal matches the entry literally, so it allows no host; list each host name instead.")
        { Severity = ValidationSeverity.Warning };

    internal static string KindText(NspResourceKind kind) => kind switch
    {
        NspResourceKind.Perimeter => "perimeter",
        NspResourceKind.Profile => "profile",
        NspResourceKind.AccessRule => "access rule",
        NspResourceKind.ResourceAssociation => "association",
        NspResourceKind.Link => "link",
        NspResourceKind.LinkReference => "link reference",
        NspResourceKind.LoggingConfiguration => "logging configuration",
        _ => kind.ToString(),
    };
}
