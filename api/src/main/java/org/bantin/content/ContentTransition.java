package org.bantin.content;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A workflow step of one content of any type; written only by {@link Transitions#record}, never changed. */
@Entity
@Table(name = "content_transitions")
class ContentTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "content_id")
    public long contentId;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state")
    public String toState;

    public String comment;

    public String actor;

    @Column(name = "token_id")
    public Long tokenId;

    public OffsetDateTime at;
}
