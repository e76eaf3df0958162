import { Injectable } from '@nestjs/common';
import { LOCALES, Locale } from '@roundtable/common';
import { MailTemplate, RenderContext, RenderedMail } from './notification.types';

/**
 * Every mail type's template, registered by the feature that owns the wording
 * (in its module's constructor or onModuleInit). Enqueueing an unknown type
 * fails at once, in the caller's transaction, not later in the worker.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own payload type; the registry stores them side by side and the payload comes back from the row the same template's feature wrote
type AnyMailTemplate = MailTemplate<any>;

@Injectable()
export class MailTemplateRegistry {
  private readonly templates = new Map<string, AnyMailTemplate>();

  register(...templates: AnyMailTemplate[]): void {
    for (const template of templates) {
      const existing = this.templates.get(template.type);
      if (existing && existing !== template) {
        throw new Error(`Mail template "${template.type}" is registered twice`);
      }
      this.templates.set(template.type, template);
    }
  }

  get(type: string): MailTemplate<object> {
    const template = this.templates.get(type);
    if (!template) throw new Error(`No mail template registered for type "${type}"`);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- see AnyMailTemplate
    return template;
  }

  all(): MailTemplate<object>[] {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- see AnyMailTemplate
    return [...this.templates.values()];
  }

  /** Recipient's locale, else the event's default language, else English. */
  static pickLocale(...candidates: (string | null | undefined)[]): Locale {
    for (const candidate of candidates) {
      if (candidate && (LOCALES as readonly string[]).includes(candidate)) return candidate as Locale;
    }
    return 'en';
  }

  render(type: string, payload: object, context: RenderContext): RenderedMail {
    return this.get(type).render(payload, context);
  }
}
