/// Field lookup for templates without `Mirror` or casts: each view model answers the names its templates use with a
/// `TemplateValue`, which the compiled plans switch on (and swift-mustache, the reference, reads through
/// `TemplateScope.child(named:)`). An unknown name returns nil and the name is looked up further out, as for a
/// missing field.

extension LinkView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "summary": .of(self.summary)
        case "detail": .of(self.detail)
        default: nil
        }
    }
}

extension TOCEntry: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "text": .of(self.text)
        case "id": .of(self.id)
        case "isSub": .of(self.isSub)
        default: nil
        }
    }
}

extension TermTip: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "slug": .of(self.slug)
        case "summary": .of(self.summary)
        default: nil
        }
    }
}

extension NavItem: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "current": .of(self.current)
        default: nil
        }
    }
}

extension LayoutView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "lang": .of(self.lang)
        case "siteTitle": .of(self.siteTitle)
        case "pageTitle": .of(self.pageTitle)
        case "description": .of(self.description)
        case "root": .of(self.root)
        case "canonical": .of(self.canonical)
        case "nav": .of(self.nav)
        case "main": .of(self.main)
        case "termTips": .of(self.termTips)
        case "hasTermTips": .of(self.hasTermTips)
        case "bodyClass": .of(self.bodyClass)
        default: nil
        }
    }
}

extension ReviewView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "date": .of(self.date)
        case "datetime": .of(self.datetime)
        case "owner": .of(self.owner)
        case "updated": .of(self.updated)
        case "editURL": .of(self.editURL)
        default: nil
        }
    }
}

extension UpdatedView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "date": .of(self.date)
        case "datetime": .of(self.datetime)
        case "author": .of(self.author)
        default: nil
        }
    }
}

extension ChangeView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "section": .of(self.section)
        case "updated": .of(self.updated)
        case "subject": .of(self.subject)
        default: nil
        }
    }
}

extension ChangesView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "changes": .of(self.changes)
        case "limit": .of(self.limit)
        default: nil
        }
    }
}

extension OwnedPageView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "section": .of(self.section)
        case "reviewed": .of(self.reviewed)
        case "reviewedISO": .of(self.reviewedISO)
        case "stale": .of(self.stale)
        case "updated": .of(self.updated)
        default: nil
        }
    }
}

extension OwnerView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "owner": .of(self.owner)
        case "id": .of(self.id)
        case "url": .of(self.url)
        case "pages": .of(self.pages)
        case "staleCount": .of(self.staleCount)
        case "tally": .of(self.tally)
        case "hasOwner": .of(self.hasOwner)
        default: nil
        }
    }
}

extension OwnersView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "owners": .of(self.owners)
        case "staleCount": .of(self.staleCount)
        case "pageCount": .of(self.pageCount)
        case "reviewAfterMonths": .of(self.reviewAfterMonths)
        case "staleVerb": .of(self.staleVerb)
        default: nil
        }
    }
}

extension OwnerPageView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "tally": .of(self.tally)
        case "pages": .of(self.pages)
        case "hasOwner": .of(self.hasOwner)
        case "pager": .of(self.pager)
        default: nil
        }
    }
}

extension HomeView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "tagline": .of(self.tagline)
        case "description": .of(self.description)
        case "articles": .of(self.articles)
        case "articleCount": .of(self.articleCount)
        case "moreArticles": .of(self.moreArticles)
        case "topics": .of(self.topics)
        case "archetypes": .of(self.archetypes)
        case "companies": .of(self.companies)
        case "moreCompanies": .of(self.moreCompanies)
        case "termCount": .of(self.termCount)
        case "categories": .of(self.categories)
        case "letters": .of(self.letters)
        case "body": .of(self.body)
        case "contents": .of(self.contents)
        case "recentChanges": .of(self.recentChanges)
        case "review": .of(self.review)
        default: nil
        }
    }
}

extension ArticleView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "summary": .of(self.summary)
        case "body": .of(self.body)
        case "toc": .of(self.toc)
        case "tags": .of(self.tags)
        case "previous": .of(self.previous)
        case "next": .of(self.next)
        case "review": .of(self.review)
        case "relatedReading": .of(self.relatedReading)
        case "titleID": .of(self.titleID)
        case "section": .of(self.section)
        case "listing": .of(self.listing)
        default: nil
        }
    }
}

// The tree nests a level in an item in a level: each answers every name it has, `false` for an absent one, so that
// Mustache never finds an outer level's `open` or `more` (and renders that level again inside itself).
extension SectionNavView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "breadcrumbs": .of(self.breadcrumbs)
        case "tree": .of(self.tree)
        default: nil
        }
    }
}

extension TreeLevelView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "items": .of(self.items)
        case "more": .of(self.more) ?? .flag(false)
        default: nil
        }
    }
}

extension TreeItemView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "isSection": .of(self.isSection)
        case "current": .of(self.current)
        case "open": .of(self.open) ?? .flag(false)
        default: nil
        }
    }
}

extension SectionListing: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "sections": .of(self.sections)
        case "pages": .of(self.pages)
        case "pager": .of(self.pager) ?? .flag(false)
        default: nil
        }
    }
}

extension SectionView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "summary": .of(self.summary)
        case "section": .of(self.section)
        case "listing": .of(self.listing)
        default: nil
        }
    }
}

extension GroupView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": .of(self.label)
        case "items": .of(self.items)
        default: nil
        }
    }
}

extension TermView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "summary": .of(self.summary)
        case "category": .of(self.category)
        case "aliases": .of(self.aliases)
        case "body": .of(self.body)
        case "toc": .of(self.toc)
        case "mentionedIn": .of(self.mentionedIn)
        case "usedBy": .of(self.usedBy)
        case "related": .of(self.related)
        case "review": .of(self.review)
        case "relatedReading": .of(self.relatedReading)
        default: nil
        }
    }
}

extension SignalsView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "green": .of(self.green)
        case "yellow": .of(self.yellow)
        case "red": .of(self.red)
        default: nil
        }
    }
}

extension ArchetypeView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "summary": .of(self.summary)
        case "body": .of(self.body)
        case "toc": .of(self.toc)
        case "builds": .of(self.builds)
        case "uses": .of(self.uses)
        case "companies": .of(self.companies)
        case "salaryPremium": .of(self.salaryPremium)
        case "mustHave": .of(self.mustHave)
        case "interviewQuestions": .of(self.interviewQuestions)
        case "signals": .of(self.signals)
        case "hasSignals": .of(self.hasSignals)
        case "kitURL": .of(self.kitURL)
        case "review": .of(self.review)
        default: nil
        }
    }
}

extension QuestionView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "question": .of(self.question)
        case "strong": .of(self.strong)
        case "weak": .of(self.weak)
        default: nil
        }
    }
}

extension KitView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "id": .of(self.id)
        case "title": .of(self.title)
        case "summary": .of(self.summary)
        case "roleURL": .of(self.roleURL)
        case "salaryPremium": .of(self.salaryPremium)
        case "builds": .of(self.builds)
        case "mustHave": .of(self.mustHave)
        case "questions": .of(self.questions)
        case "signals": .of(self.signals)
        case "hasSignals": .of(self.hasSignals)
        case "glossary": .of(self.glossary)
        case "titleLevel": .of(self.titleLevel)
        case "sectionLevel": .of(self.sectionLevel)
        case "review": .of(self.review)
        default: nil
        }
    }
}

extension SystemView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": .of(self.name)
        case "description": .of(self.description)
        case "stack": .of(self.stack)
        default: nil
        }
    }
}

extension CompanyView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "industry": .of(self.industry)
        case "summary": .of(self.summary)
        case "scale": .of(self.scale)
        case "body": .of(self.body)
        case "toc": .of(self.toc)
        case "archetypes": .of(self.archetypes)
        case "systems": .of(self.systems)
        case "review": .of(self.review)
        default: nil
        }
    }
}

extension LetterGroup: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "letter": .of(self.letter)
        case "id": .of(self.id)
        case "terms": .of(self.terms)
        default: nil
        }
    }
}

extension TermsIndexView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "letters": .of(self.letters)
        case "categories": .of(self.categories)
        case "count": .of(self.count)
        default: nil
        }
    }
}

extension ArchetypeRow: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "summary": .of(self.summary)
        case "builds": .of(self.builds)
        case "uses": .of(self.uses)
        case "salaryPremium": .of(self.salaryPremium)
        case "mustHave": .of(self.mustHave)
        case "kitURL": .of(self.kitURL)
        default: nil
        }
    }
}

extension ArchetypesIndexView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "rows": .of(self.rows)
        default: nil
        }
    }
}

extension MatrixCell: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "uses": .of(self.uses)
        case "label": .of(self.label)
        default: nil
        }
    }
}

extension MatrixRow: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "term": .of(self.term)
        case "cells": .of(self.cells)
        default: nil
        }
    }
}

extension CompaniesIndexView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "companies": .of(self.companies)
        case "columns": .of(self.columns)
        case "matrix": .of(self.matrix)
        case "hasMatrix": .of(self.hasMatrix)
        default: nil
        }
    }
}

extension ListPageView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "summary": .of(self.summary)
        case "items": .of(self.items)
        case "pager": .of(self.pager)
        default: nil
        }
    }
}

extension QuestionGroup: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "id": .of(self.id)
        case "questions": .of(self.questions)
        case "kitURL": .of(self.kitURL)
        default: nil
        }
    }
}

extension QuestionsView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "groups": .of(self.groups)
        case "count": .of(self.count)
        default: nil
        }
    }
}

extension ChecklistGroup: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(self.title)
        case "url": .of(self.url)
        case "id": .of(self.id)
        case "signals": .of(self.signals)
        case "kitURL": .of(self.kitURL)
        default: nil
        }
    }
}

extension ChecklistView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "groups": .of(self.groups)
        default: nil
        }
    }
}

extension PrintSection: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": .of(self.id)
        case "kind": .of(self.kind)
        case "title": .of(self.title)
        case "summary": .of(self.summary)
        case "body": .of(self.body)
        case "review": .of(self.review)
        case "titleID": .of(self.titleID)
        default: nil
        }
    }
}

extension PrintView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        case "articles": .of(self.articles)
        case "archetypes": .of(self.archetypes)
        case "kits": .of(self.kits)
        case "companies": .of(self.companies)
        case "terms": .of(self.terms)
        case "split": .of(self.split)
        case "parts": .of(self.parts)
        default: nil
        }
    }
}

extension PrintPartView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": .of(self.label)
        case "volumes": .of(self.volumes)
        default: nil
        }
    }
}

extension PrintVolumeView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "bookTitle": .of(self.bookTitle)
        case "title": .of(self.title)
        case "covers": .of(self.covers)
        case "contentsURL": .of(self.contentsURL)
        case "sections": .of(self.sections)
        case "kits": .of(self.kits)
        case "previous": .of(self.previous)
        case "next": .of(self.next)
        default: nil
        }
    }
}

extension SimpleView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": .of(self.root)
        case "title": .of(self.title)
        default: nil
        }
    }
}

extension PagerView: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "previous": .of(self.previous)
        case "next": .of(self.next)
        case "pages": .of(self.pages)
        case "label": .of(self.label)
        default: nil
        }
    }
}

extension LayoutWithPartials: TemplateScope {
    func value(named name: String) -> TemplateValue? {
        partials[name].map(TemplateValue.text) ?? layout.value(named: name)
    }
}
