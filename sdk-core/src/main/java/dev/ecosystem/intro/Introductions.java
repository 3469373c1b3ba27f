package dev.ecosystem.intro;

import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/** The introductions the acting company is a party to, as requester or as target. */
public interface Introductions {
    /**
     * The introduction.
     *
     * @throws dev.ecosystem.NotFoundException when there is none the acting company is a party to
     */
    Introduction get(IntroductionId id);

    /** Introductions the acting company is a party to, in ascending id order. */
    Page<Introduction> list(PageRequest page);
}
